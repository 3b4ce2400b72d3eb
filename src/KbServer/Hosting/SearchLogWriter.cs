using KbCore.Analytics;
using KbCore.Data;
using Microsoft.EntityFrameworkCore;

namespace KbServer.Hosting;

/// <summary>Creates the database schema on start, then writes queued search-log entries in batches.</summary>
internal sealed class SearchLogWriter(IDbContextFactory<KbDbContext> contexts, SearchLog log, ILogger<SearchLogWriter> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            await db.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            if (db.Database.IsSqlite())
            {
                // Readers (reports) must not block the writer, nor a busy moment fail a batch.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000;", cancellationToken).ConfigureAwait(false);
            }
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await log.WaitAsync(stoppingToken).ConfigureAwait(false))
            {
                await log.FlushAsync(stoppingToken).ConfigureAwait(false);

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
}
