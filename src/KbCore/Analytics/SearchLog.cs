using System.Data.Common;
using System.Threading.Channels;
using KbCore.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KbCore.Analytics;

/// <summary>
/// Records searches without slowing them: requests enqueue, <see cref="FlushAsync"/> (a background loop)
/// writes batches. The queue is bounded; under a flood the oldest entries are dropped, never the server.
/// </summary>
public sealed class SearchLog(IDbContextFactory<KbDbContext> contexts, ILogger<SearchLog> logger)
{
    public const int MaxQueryLength = 200;

    /// <summary>The <see cref="SearchLogEntry.Source"/> of a click on a result (the others are searches).</summary>
    public const string ClickSource = "click";

    private readonly Channel<SearchLogEntry> _queue = Channel.CreateBounded<SearchLogEntry>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <summary>Lower case, single spaces, at most 200 characters: the same question counts once.</summary>
    public static string Normalize(string query)
    {
        var words = KbCore.Search.QueryText.Normalize(query);
        return words.Length > MaxQueryLength ? words[..MaxQueryLength] : words;
    }

    public void Record(string query, int resultCount, string source, string? topPath = null)
    {
        var normalized = Normalize(query);
        if (normalized.Length > 0)
        {
            _queue.Writer.TryWrite(new SearchLogEntry { At = DateTime.UtcNow, Query = normalized, ResultCount = resultCount, Source = source, TopPath = topPath });
        }
    }

    public void RecordClick(string query, string path)
    {
        var normalized = Normalize(query);
        if (normalized.Length > 0 && path.Length <= 1024)
        {
            _queue.Writer.TryWrite(new SearchLogEntry { At = DateTime.UtcNow, Query = normalized, ResultCount = -1, Source = ClickSource, ClickedPath = path });
        }
    }

    /// <summary>Writes everything queued, in one transaction. Returns how many entries were written.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var batch = new List<SearchLogEntry>();
        while (batch.Count < 5_000 && _queue.Reader.TryRead(out var entry))
        {
            batch.Add(entry);
        }

        if (batch.Count == 0)
        {
            return 0;
        }

        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await InsertAsync(db, batch, cancellationToken).ConfigureAwait(false);
            return batch.Count;
        }
        catch (DbException e)
        {
            // Analytics are auxiliary: losing a batch must not affect searching.
            logger.LogWarning(e, "Could not write {Count} search log entries", batch.Count);
            return 0;
        }
    }

    /// <summary>
    /// One prepared INSERT reused for the whole batch in one transaction: under load the log writes thousands
    /// of rows a second, and change tracking would cost more CPU than the searches themselves.
    /// </summary>
    private static async Task InsertAsync(KbDbContext db, List<SearchLogEntry> batch, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO search_log (\"At\", \"Day\", \"Query\", \"ResultCount\", \"Source\", \"ClickedPath\", \"TopPath\") VALUES (@at, @day, @query, @count, @source, @clicked, @top)";
        var at = DbCommands.Parameter(command, "@at");
        var day = DbCommands.Parameter(command, "@day");
        var query = DbCommands.Parameter(command, "@query");
        var count = DbCommands.Parameter(command, "@count");
        var source = DbCommands.Parameter(command, "@source");
        var clicked = DbCommands.Parameter(command, "@clicked");
        var top = DbCommands.Parameter(command, "@top");
        foreach (var entry in batch)
        {
            at.Value = entry.At;
            day.Value = entry.Day;
            query.Value = entry.Query;
            count.Value = entry.ResultCount;
            source.Value = entry.Source;
            clicked.Value = (object?)entry.ClickedPath ?? DBNull.Value;
            top.Value = (object?)entry.TopPath ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until something is queued.</summary>
    public ValueTask<bool> WaitAsync(CancellationToken cancellationToken) => _queue.Reader.WaitToReadAsync(cancellationToken);
}
