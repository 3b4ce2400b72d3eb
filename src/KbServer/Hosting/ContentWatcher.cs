using KbCore.Content;
using Microsoft.Extensions.Options;

namespace KbServer.Hosting;

/// <summary>
/// Notices when the published branch moves outside the server (a <c>git push</c> into the bare repository,
/// another process) by polling its tip, which costs one ref read. The store raises the change event.
/// </summary>
internal sealed class ContentWatcher(ContentStore store, IOptions<ContentOptions> options, ILogger<ContentWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                store.Refresh();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A push in progress can leave refs briefly unreadable, and nothing here may stop the site:
                // the last good snapshot keeps serving and the next tick tries again.
                logger.LogWarning(e, "Could not read the content repository; retrying");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
