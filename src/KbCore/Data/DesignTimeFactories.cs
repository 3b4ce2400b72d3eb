using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KbCore.Data;

// Used only by `dotnet ef migrations add` (see docs/database.md); the server configures contexts itself.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKbDbContext>
{
    public SqliteKbDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKbDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKbDbContext>
{
    public PostgresKbDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresKbDbContext>().UseNpgsql("Host=localhost;Database=kb_design").Options);
}
