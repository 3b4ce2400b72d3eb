using KbCore.Analytics;

namespace KbServer.Hosting;

/// <summary>Adds counted article views to the database about once a second, and what is left at shutdown.</summary>
internal sealed class ArticleViewWriter(ArticleViews views) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await views.WaitAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
                await views.FlushAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            await views.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
