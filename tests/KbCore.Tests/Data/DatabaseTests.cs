using KbCore.Analytics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using KbCore.Tests.Infrastructure;

namespace KbCore.Tests.Data;

/// <summary>Migrations and the search log on a real SQLite file.</summary>
public sealed class DatabaseTests : IDisposable
{
    private readonly TestDatabase _db = new();

    [Fact]
    public async Task Migrate_UpgradesADatabaseFromBeforeMigrations_AndIsIdempotent()
    {
        using (var connection = new SqliteConnection(_db.ConnectionString))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE search_log (Id INTEGER PRIMARY KEY, At TEXT, Query TEXT, ResultCount INTEGER, Source TEXT, ClickedPath TEXT);";
            create.ExecuteNonQuery();
        }

        await _db.MigrateAsync();
        await _db.MigrateAsync();

        await using var context = _db.CreateDbContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await context.Users.CountAsync());
        Assert.Equal(0, await context.SearchLog.CountAsync());
    }

    [Fact]
    public async Task SearchReport_AggregatesByQueryAndDay_AndPurgeDropsOnlyOldRows()
    {
        await _db.MigrateAsync();
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        await using (var context = _db.CreateDbContext())
        {
            var today = clock.GetUtcNow().UtcDateTime;
            context.SearchLog.AddRange(
                new SearchLogEntry { At = today, Query = "invoice", ResultCount = 4, Source = "page" },
                new SearchLogEntry { At = today.AddDays(-1), Query = "invoice", ResultCount = 4, Source = "api" },
                new SearchLogEntry { At = today, Query = "invoice", ResultCount = -1, Source = SearchLog.ClickSource, ClickedPath = "billing/invoices" },
                new SearchLogEntry { At = today, Query = "zebra", ResultCount = 0, Source = "page" },
                new SearchLogEntry { At = today.AddDays(-400), Query = "ancient", ResultCount = 1, Source = "page" });
            await context.SaveChangesAsync();
        }

        var reports = new SearchReports(_db, clock);
        var report = await reports.BuildAsync(7, CancellationToken.None);
        var purged = await reports.PurgeAsync(365, CancellationToken.None);

        Assert.Equal(3, report.Searches);
        Assert.Equal(1, report.ZeroResultSearches);
        Assert.Equal(1, report.Clicks);
        Assert.Equal(new SearchReport.QueryRow("invoice", 2, 0, 1, clock.GetUtcNow().UtcDateTime), report.TopQueries[0]);
        Assert.Equal("zebra", Assert.Single(report.ZeroResultQueries).Query);
        Assert.Equal(7, report.ByDay.Count);
        Assert.Equal(2, report.ByDay[^1].Searches);
        Assert.Equal(1, report.ByDay[^2].Searches);
        Assert.Equal(1, purged);
        await using var after = _db.CreateDbContext();
        Assert.Equal(4, await after.SearchLog.CountAsync());
    }

    public void Dispose() => _db.Dispose();
}
