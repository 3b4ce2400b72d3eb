using System.CommandLine;
using KbCore.Content;
using KbServer.GitHttp;

namespace KbServer.Commands;

/// <summary>
/// <c>repair-refs</c>: removes the branches <c>check --refs</c> lists (names that break pushes and clones), after a
/// y/N question unless <c>--yes</c>. Prints each removed ref with its commit, so any of them can be restored.
/// </summary>
internal static class RepairRefsCommand
{
    public static Command Create()
    {
        var yes = new Option<bool>("--yes") { Description = "Remove without asking." };
        var command = new Command("repair-refs", "Remove branches whose names are ambiguous or refused for pushes (never the published branch).") { yes };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse =>
        {
            using var host = CommandHost.Build(parse.UnmatchedTokens);
            try
            {
                return Run(host.Services, parse.GetValue(yes), Console.In, Console.Out);
            }
            catch (ContentRepositoryNotFoundException e)
            {
                Console.Error.WriteLine("repair-refs: " + e.Message);
                return 2;
            }
        });
        return command;
    }

    internal static int Run(IServiceProvider services, bool yes, TextReader input, TextWriter output)
    {
        var (repositoryPath, findings) = RefFindings(services, output);
        if (findings.Count == 0)
        {
            output.WriteLine("No ambiguous refs.");
            return 0;
        }

        if (!yes)
        {
            output.Write($"Remove these {findings.Count} refs? [y/N] ");
            output.Flush();
            if (input.ReadLine()?.Trim().ToLowerInvariant() is not ("y" or "yes"))
            {
                output.WriteLine("Nothing removed.");
                return 1;
            }
        }

        var git = new BoundedGit(repositoryPath, new Dictionary<string, string>());
        var failed = 0;
        foreach (var finding in findings)
        {
            // Only if it still points where it was listed: a ref that moved meanwhile is someone's work.
            if (git.Run(null, "update-ref", "-d", finding.Ref, finding.Sha).Code == 0)
            {
                output.WriteLine($"Removed {finding.Ref} (was {finding.Sha}; restore with: git update-ref '{finding.Ref}' {finding.Sha})");
            }
            else
            {
                output.WriteLine($"Could not remove {finding.Ref}: it moved or git refused; nothing changed for it.");
                failed++;
            }
        }

        return failed > 0 ? 1 : 0;
    }

    /// <summary>The repository's path and its ambiguous refs, each printed; throws if there is no repository.</summary>
    internal static (string RepositoryPath, IReadOnlyList<RefAudit.Finding> Findings) RefFindings(IServiceProvider services, TextWriter output)
    {
        var repository = services.GetRequiredService<ContentRepository>();
        // Opened only to fail clearly (ContentRepositoryNotFoundException) when nothing is at the configured path.
        repository.Open().Dispose();

        var findings = RefAudit.Find(repository.Path, repository.Branch);
        foreach (var finding in findings)
        {
            output.WriteLine($"{finding.Ref} ({finding.Sha}): {finding.Reason}");
        }

        return (repository.Path, findings);
    }
}
