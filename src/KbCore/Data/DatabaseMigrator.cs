using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KbCore.Data;

/// <summary>Brings the database to the current schema. Runs before anything else touches it.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<KbDbContext> contexts, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (db.Database.IsSqlite())
        {
            // Readers (reports) must not block writers, nor a busy moment fail a write.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            await DropPreMigrationSearchLogAsync(db, cancellationToken).ConfigureAwait(false);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying database migrations: {Migrations}", string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Databases from before migrations held only the search log, which is auxiliary; it is recreated empty
    /// rather than left to block the first migration.
    /// </summary>
    private async Task DropPreMigrationSearchLogAsync(KbDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var hasHistory = await TableExistsAsync(connection, "__EFMigrationsHistory", cancellationToken).ConfigureAwait(false);
            if (!hasHistory && await TableExistsAsync(connection, "search_log", cancellationToken).ConfigureAwait(false))
            {
                logger.LogWarning("Recreating the search log table from an earlier version (its rows are dropped)");
                await db.Database.ExecuteSqlRawAsync("DROP TABLE search_log;", cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private static async Task<bool> TableExistsAsync(DbConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$name";
        parameter.Value = name;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
