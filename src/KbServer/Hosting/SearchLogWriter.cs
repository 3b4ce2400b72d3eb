using KbCore.Analytics;
using Microsoft.Extensions.Options;

namespace KbServer.Hosting;

/// <summary>Writes queued search-log entries in batches, and once a day drops entries past their retention.</summary>
internal sealed class SearchLogWriter(SearchLog log, SearchReports reports, IOptions<AnalyticsOptions> options, TimeProvider clock, ILogger<SearchLogWriter> logger) : BackgroundService
{
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await PurgeIfDueAsync(stoppingToken).ConfigureAwait(false);
            while (await log.WaitAsync(stoppingToken).ConfigureAwait(false))
            {
                await log.FlushAsync(stoppingToken).ConfigureAwait(false);
                await PurgeIfDueAsync(stoppingToken).ConfigureAwait(false);

                // Batch: a burst of searches becomes one transaction a second.
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down: write what is left without the cancelled token.
            var written = await log.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            logger.LogDebug("Wrote {Count} search log entries at shutdown", written);
        }
    }

    private async Task PurgeIfDueAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() < _nextPurge)
        {
            return;
        }

        _nextPurge = clock.GetUtcNow().AddDays(1);
        try
        {
            var deleted = await reports.PurgeAsync(options.Value.SearchLogRetentionDays, cancellationToken).ConfigureAwait(false);
            if (deleted > 0)
            {
                logger.LogInformation("Deleted {Count} search log entries older than {Days} days", deleted, options.Value.SearchLogRetentionDays);
            }
        }
        catch (System.Data.Common.DbException e)
        {
            logger.LogWarning(e, "Could not purge old search log entries");
        }
    }
}
