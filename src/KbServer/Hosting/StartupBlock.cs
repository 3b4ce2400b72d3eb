using System.Text;
using KbServer.Auth;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace KbServer.Hosting;

/// <summary>
/// One block on the console once the server listens: the addresses of the help center and the studio and, while there
/// are no accounts, the one-time setup link. It is written to the console, not logged: the link is a credential, log
/// lines travel on to files and collectors, and the logger redacts tokens (which would spoil the link).
/// </summary>
internal sealed class StartupBlock(IHostApplicationLifetime lifetime, IServer server, FirstRunSetup setup, ServerConsole console) : IHostedService
{
    public const string Rule = "------------------------------------------------------------------------";

    // The console logger prints from a queue of its own: a moment's pause lets ASP.NET's start-up lines
    // ("Now listening on", "Application started") come out first, so the block comes after them, not among them.
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Addresses are known, and the setup link open or not, only once the server has started.
        lifetime.ApplicationStarted.Register(() => _ = WriteAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The block for a server at <paramref name="addresses"/>, with the setup link when <paramref name="setupToken"/> is given.</summary>
    public static string Text(IReadOnlyList<string> addresses, string? setupToken)
    {
        var roots = addresses.Count > 0 ? addresses.Select(a => Browsable(a).TrimEnd('/')).ToList() : [string.Empty];
        var text = new StringBuilder().AppendLine().AppendLine(Rule).AppendLine("KnowledgeBase is running.");
        AppendAddresses(text, "Help center", roots, "/");
        AppendAddresses(text, "Studio", roots, "/studio");
        if (setupToken is not null)
        {
            text.AppendLine()
                .AppendLine("No accounts yet. Create the first admin with this one-time link")
                .AppendLine("(it works once, and only until the server stops):")
                .Append("  ").Append(roots[0]).Append("/studio/setup?token=").AppendLine(setupToken);
        }

        return text.AppendLine(Rule).AppendLine().ToString();
    }

    private async Task WriteAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(Pause, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        await console.Out.WriteAsync(Text(addresses, setup.Pending)).ConfigureAwait(false);
        await console.Out.FlushAsync(stopping).ConfigureAwait(false);
    }

    private static void AppendAddresses(StringBuilder text, string label, List<string> roots, string path)
    {
        for (var i = 0; i < roots.Count; i++)
        {
            text.Append("  ").Append(i == 0 ? (label + ":").PadRight(13) : new string(' ', 13)).Append(roots[i]).AppendLine(path);
        }
    }

    // Kestrel reports a wildcard binding as bound ("http://[::]:8080", "http://+:80"); a browser needs a host name.
    private static string Browsable(string address)
    {
        foreach (var wildcard in (string[])["://[::]", "://0.0.0.0", "://+", "://*"])
        {
            address = address.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }

        return address;
    }
}
