using KbCore.Analytics;
using KbCore.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
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

    [Fact]
    public async Task SearchReport_QueriesReadOnlyCoveringIndexes_AndSortNothing()
    {
        // Arrange: the plans SQLite picks for the report's two queries. A plan through an index that is not
        // covering, or one that sorts the period's rows, took seconds on a million-row log (docs/benchmarks.md).
        await _db.MigrateAsync();
        await using var context = _db.CreateDbContext();
        var from = new DateOnly(2026, 11, 1);

        // Act
        var perQuery = await PlanAsync(context, SearchReports.PerQuery(context, from).ToQueryString(), from);
        var perDay = await PlanAsync(context, SearchReports.PerDay(context, from).ToQueryString(), from);

        // Assert
        Assert.All(perQuery.Concat(perDay), step => Assert.DoesNotContain("TEMP B-TREE", step, StringComparison.Ordinal));
        Assert.Contains(perQuery, step => step.Contains("USING COVERING INDEX IX_search_log_Query_", StringComparison.Ordinal));
        Assert.Contains(perDay, step => step.Contains("USING COVERING INDEX IX_search_log_Day_", StringComparison.Ordinal) && step.Contains("Day>?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrate_GivesRowsLoggedBeforeTheDayColumnTheirDay()
    {
        // Arrange: a log written by the version before the day column (its last migration, then two rows).
        await using (var context = _db.CreateDbContext())
        {
            await context.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync("20261123133445_SupportFunnel");
            await context.Database.ExecuteSqlRawAsync(
                "INSERT INTO search_log (\"At\", \"Query\", \"ResultCount\", \"Source\") VALUES ('2026-11-22 23:59:59.5', 'late', 1, 'page'), ('2026-11-23 00:00:00', 'early', 0, 'page');");
        }

        // Act
        await _db.MigrateAsync();
        var report = await new SearchReports(_db, new FixedClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero))).BuildAsync(2, CancellationToken.None);

        // Assert
        Assert.Equal([1, 1], report.ByDay.Select(d => d.Searches));
        Assert.Equal("early", Assert.Single(report.ZeroResultQueries).Query);
    }

    private static async Task<List<string>> PlanAsync(KbDbContext context, string sql, DateOnly from)
    {
        // ToQueryString() declares parameters as `.param set` lines for the sqlite3 shell: bind them instead.
        var statement = string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + statement;
        explain.Parameters.AddWithValue("@from", from);
        var steps = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

    public void Dispose() => _db.Dispose();
}
