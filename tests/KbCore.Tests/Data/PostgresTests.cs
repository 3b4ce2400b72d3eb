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
}
