using KbCore.Data;
using Microsoft.EntityFrameworkCore;

namespace KbCore.Analytics;

/// <summary>Builds <see cref="SearchReport"/> from the search log with provider-neutral queries.</summary>
public sealed class SearchReports(IDbContextFactory<KbDbContext> contexts, TimeProvider clock)
{
    public const int MaxDays = 366;
    public const int RowLimit = 50;

    public async Task<SearchReport> BuildAsync(int days, CancellationToken cancellationToken)
    {
        days = Math.Clamp(days, 1, MaxDays);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = today.AddDays(1 - days);
        var since = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var log = db.SearchLog.AsNoTracking().Where(e => e.At >= since);

        // Grouped in the database: a busy help center logs millions of rows; only aggregates travel.
        var perQuery = await log
            .GroupBy(e => e.Query)
            .Select(g => new
            {
                Query = g.Key,
                Searches = g.Count(e => e.Source != SearchLog.ClickSource),
                Zero = g.Count(e => e.Source != SearchLog.ClickSource && e.ResultCount == 0),
                Clicks = g.Count(e => e.Source == SearchLog.ClickSource),
                Last = g.Max(e => e.At),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var perDay = await log
            .GroupBy(e => e.At.Date)
            .Select(g => new
            {
                Day = g.Key,
                Searches = g.Count(e => e.Source != SearchLog.ClickSource),
                Zero = g.Count(e => e.Source != SearchLog.ClickSource && e.ResultCount == 0),
                Clicks = g.Count(e => e.Source == SearchLog.ClickSource),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var rows = perQuery.Select(q => new SearchReport.QueryRow(q.Query, q.Searches, q.Zero, q.Clicks, DateTime.SpecifyKind(q.Last, DateTimeKind.Utc))).ToList();
        var daily = perDay.ToDictionary(d => DateOnly.FromDateTime(d.Day));
        var byDay = Enumerable.Range(0, days).Select(i => from.AddDays(i))
            .Select(day => daily.TryGetValue(day, out var d) ? new SearchReport.DayRow(day, d.Searches, d.Zero, d.Clicks) : new SearchReport.DayRow(day, 0, 0, 0))
            .ToList();

        return new SearchReport(
            from,
            today,
            rows.Sum(r => r.Searches),
            rows.Sum(r => r.ZeroResults),
            rows.Sum(r => r.Clicks),
            rows.Where(r => r.Searches > 0).OrderByDescending(r => r.Searches).ThenBy(r => r.Query, StringComparer.Ordinal).Take(RowLimit).ToList(),
            rows.Where(r => r.ZeroResults > 0).OrderByDescending(r => r.ZeroResults).ThenBy(r => r.Query, StringComparer.Ordinal).Take(RowLimit).ToList(),
            byDay);
    }

    /// <summary>Deletes entries older than the retention period; returns how many.</summary>
    public async Task<int> PurgeAsync(int retentionDays, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-Math.Max(1, retentionDays));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.SearchLog.Where(e => e.At < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
