using System.CommandLine;

namespace KbServer.Commands;

/// <summary>
/// The commands of the one executable. Configuration flags (<c>--Content:Repository=...</c>) are passed
/// through to the same configuration the server reads, so a command sees what the server would.
/// </summary>
internal static class KbCommandLine
{
    private static readonly string[] Commands = ["check", "repair-refs", "reindex", "users", "tokens"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0], StringComparer.Ordinal);

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("KnowledgeBase: run without a command to serve the help center.");
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(RepairRefsCommand.Create());
        root.Subcommands.Add(ReindexCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(TokensCommand.Create());
        var parsed = root.Parse(args);
        return await parsed.InvokeAsync().ConfigureAwait(false);
    }
}
