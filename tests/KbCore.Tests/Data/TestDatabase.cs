using KbCore.Data;
using KbCore.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace KbCore.Tests.Data;

/// <summary>A real SQLite file in a temporary folder, migrated the way the server migrates it.</summary>
public sealed class TestDatabase : IDisposable, IDbContextFactory<KbDbContext>
{
    private readonly TempDirectory _folder = new("kbdb");

    public TestDatabase() => ConnectionString = $"Data Source={_folder.Combine("kb.db")};Pooling=False";

    public string ConnectionString { get; }

    public KbDbContext CreateDbContext() =>
        new SqliteKbDbContext(new DbContextOptionsBuilder<SqliteKbDbContext>().UseSqlite(ConnectionString).Options);

    public Task MigrateAsync() => new DatabaseMigrator(this, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);

    public void Dispose() => _folder.Dispose();
}
