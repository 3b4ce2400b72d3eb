using KbCore.Accounts;
using KbCore.Analytics;
using KbCore.Data;
using KbCore.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace KbCore.Tests.Data;

/// <summary>PostgreSQL is a configuration switch: the same code and its own migrations on a real server.</summary>
public sealed class PostgresTests(PostgresServer server) : IClassFixture<PostgresServer>, IDbContextFactory<KbDbContext>
{
    public KbDbContext CreateDbContext() =>
        new PostgresKbDbContext(new DbContextOptionsBuilder<PostgresKbDbContext>().UseNpgsql(server.ConnectionString).Options);

    [Fact]
    public async Task Migrations_Tokens_AndSearchReports_WorkOnPostgres()
    {
        await new DatabaseMigrator(this, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await new DatabaseMigrator(this, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        await using (var db = CreateDbContext())
        {
            db.Users.Add(new KbUser { Id = "u1", UserName = "pg@example.com", Email = "pg@example.com", DisplayName = "Pg", CreatedAt = clock.GetUtcNow().UtcDateTime });
            db.SearchLog.AddRange(
                new SearchLogEntry { At = clock.GetUtcNow().UtcDateTime, Query = "invoice", ResultCount = 3, Source = "page" },
                new SearchLogEntry { At = clock.GetUtcNow().UtcDateTime.AddDays(-1), Query = "zebra", ResultCount = 0, Source = "api" });
            await db.SaveChangesAsync();
        }

        var tokens = new ApiTokenService(this, clock);
        var created = await tokens.CreateAsync("u1", "pg", [TokenScopes.Reports], CancellationToken.None);
        var owner = await tokens.ValidateAsync(created.Secret, CancellationToken.None);
        var report = await new SearchReports(this, clock).BuildAsync(7, CancellationToken.None);

        Assert.Equal("pg@example.com", owner?.User.Email);
        Assert.Equal(2, report.Searches);
        Assert.Equal("zebra", Assert.Single(report.ZeroResultQueries).Query);
        Assert.Equal(1, report.ByDay[^1].Searches);
        Assert.Equal(1, report.ByDay[^2].Searches);
    }

    [Fact]
    public async Task ViewCounts_AddUp_AndDueContactRequestsAreClaimedOnce_OnPostgres()
    {
        await new DatabaseMigrator(this, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        var views = new ArticleViews(this, clock, NullLogger<ArticleViews>.Instance);
        views.Record("pg/a");
        views.Record("pg/a");
        await views.FlushAsync(CancellationToken.None);
        views.Record("pg/a");
        await views.FlushAsync(CancellationToken.None);
        var requests = new KbCore.Contact.ContactRequests(this, clock);
        await requests.AddAsync(new KbCore.Contact.ContactRequest { Name = "", Email = "a@example.com", Subject = "s", Description = "d" }, deliver: true, CancellationToken.None);

        var first = await requests.DueAsync(10, CancellationToken.None);
        var second = await requests.DueAsync(10, CancellationToken.None);

        await using var db = CreateDbContext();
        Assert.Equal(3, await db.ArticleViews.Where(v => v.Path == "pg/a").SumAsync(v => v.Views));
        Assert.Single(first);
        Assert.Empty(second);
    }
}
