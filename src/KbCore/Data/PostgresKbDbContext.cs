using Microsoft.EntityFrameworkCore;

namespace KbCore.Data;

/// <summary>For several nodes sharing one database; owns the PostgreSQL migrations.</summary>
public sealed class PostgresKbDbContext(DbContextOptions<PostgresKbDbContext> options) : KbDbContext(options);
