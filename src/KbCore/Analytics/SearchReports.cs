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

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var perQuery = await PerQuery(db, from).ToListAsync(cancellationToken).ConfigureAwait(false);
        var perDay = await PerDay(db, from).ToDictionaryAsync(d => d.Day, cancellationToken).ConfigureAwait(false);

        var rows = perQuery.Select(q => new SearchReport.QueryRow(q.Query, q.Searches, q.ZeroResults, q.Clicks, DateTime.SpecifyKind(q.Last, DateTimeKind.Utc))).ToList();
        var byDay = Enumerable.Range(0, days).Select(i => from.AddDays(i))
            .Select(day => perDay.TryGetValue(day, out var d) ? new SearchReport.DayRow(day, d.Searches, d.ZeroResults, d.Clicks) : new SearchReport.DayRow(day, 0, 0, 0))
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

    /// <summary>Deletes entries of days older than the retention period (a range of the day index); returns how many.</summary>
    public async Task<int> PurgeAsync(int retentionDays, CancellationToken cancellationToken)
    {
        var cutoff = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(-Math.Max(1, retentionDays)));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.SearchLog.Where(e => e.Day < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    // Grouped in the database: a busy help center logs millions of rows; only aggregates travel. Each query reads one
    // covering index (see KbDbContext) and sorts nothing: DatabaseTests checks the plans.
    internal static IQueryable<Tally> PerQuery(KbDbContext db, DateOnly from) =>
        db.SearchLog.AsNoTracking()
            .Where(e => e.Day >= from)
            .GroupBy(e => e.Query)
            .Select(g => new Tally
            {
                Query = g.Key,
                Searches = g.Count(e => e.Source != SearchLog.ClickSource),
                ZeroResults = g.Count(e => e.Source != SearchLog.ClickSource && e.ResultCount == 0),
                Clicks = g.Count(e => e.Source == SearchLog.ClickSource),
                Last = g.Max(e => e.At),
            });

    internal static IQueryable<Tally> PerDay(KbDbContext db, DateOnly from) =>
        db.SearchLog.AsNoTracking()
            .Where(e => e.Day >= from)
            .GroupBy(e => e.Day)
            .Select(g => new Tally
            {
                Day = g.Key,
                Searches = g.Count(e => e.Source != SearchLog.ClickSource),
                ZeroResults = g.Count(e => e.Source != SearchLog.ClickSource && e.ResultCount == 0),
                Clicks = g.Count(e => e.Source == SearchLog.ClickSource),
            });

    /// <summary>Searches, zero-result searches and clicks of one query or one day.</summary>
    internal sealed class Tally
    {
        public string Query { get; init; } = string.Empty;

        public DateOnly Day { get; init; }

        public int Searches { get; init; }

        public int ZeroResults { get; init; }

        public int Clicks { get; init; }

        public DateTime Last { get; init; }
    }
}
