using Microsoft.EntityFrameworkCore;

namespace KbCore.Data;

/// <summary>The embedded default; owns the SQLite migrations.</summary>
public sealed class SqliteKbDbContext(DbContextOptions<SqliteKbDbContext> options) : KbDbContext(options);
