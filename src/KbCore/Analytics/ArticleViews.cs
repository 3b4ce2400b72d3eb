using System.Collections.Concurrent;
using System.Data.Common;
using System.Threading.Channels;
using KbCore.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KbCore.Analytics;

/// <summary>
/// Counts article page views per day without slowing pages: a view increments a counter in memory, and
/// <see cref="FlushAsync"/> (a background loop) adds the counts to the database in one transaction.
/// </summary>
public sealed class ArticleViews(IDbContextFactory<KbDbContext> contexts, TimeProvider clock, ILogger<ArticleViews> logger)
{
    /// <summary>Distinct (article, day) pairs held before new ones are dropped: bounded memory under a flood of odd paths.</summary>
    private const int MaxPending = 50_000;

    private ConcurrentDictionary<(string Path, DateTime Day), int> _pending = new();
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Record(string path)
    {
        var day = clock.GetUtcNow().UtcDateTime.Date;
        var pending = _pending;
        // ContainsKey first: Count takes every lock of the dictionary, and most views are of an article already counted.
        if (!pending.ContainsKey((path, day)) && pending.Count >= MaxPending)
        {
            return;
        }

        pending.AddOrUpdate((path, day), 1, (_, n) => n + 1);
        _signal.Writer.TryWrite(true);
    }

    /// <summary>Waits until something was counted.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _signal.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
        _signal.Reader.TryRead(out _);
    }

    /// <summary>Adds the counted views to the database. Returns how many (article, day) rows were written.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var batch = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<(string, DateTime), int>());
        if (batch.IsEmpty)
        {
            return 0;
        }

        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;

            // An upsert both SQLite (3.24+) and PostgreSQL understand.
            command.CommandText = "INSERT INTO article_views (\"Path\", \"Day\", \"Views\") VALUES (@path, @day, @views) " +
                "ON CONFLICT (\"Path\", \"Day\") DO UPDATE SET \"Views\" = article_views.\"Views\" + excluded.\"Views\"";
            var path = DbCommands.Parameter(command, "@path");
            var day = DbCommands.Parameter(command, "@day");
            var views = DbCommands.Parameter(command, "@views");
            foreach (var ((p, d), n) in batch)
            {
                path.Value = p;
                day.Value = d;
                views.Value = n;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return batch.Count;
        }
        catch (DbException e)
        {
            // Analytics are auxiliary: a lost batch must not affect pages.
            logger.LogWarning(e, "Could not write {Count} article view counts", batch.Count);
            return 0;
        }
    }
}
