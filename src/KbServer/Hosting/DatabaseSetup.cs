using KbCore.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KbServer.Hosting;

internal static class DatabaseSetup
{
    /// <summary>
    /// The database for data outside git: SQLite at <c>{DataDirectory}/kb.db</c> unless <c>Database:Provider</c>
    /// is <c>postgres</c> with <c>ConnectionStrings:Kb</c>. Code depends on <see cref="KbDbContext"/> only.
    /// </summary>
    public static IServiceCollection AddKbDatabase(this IServiceCollection services, IConfiguration config, string dataDirectory)
    {
        var provider = (config["Database:Provider"] ?? "sqlite").ToLowerInvariant();
        var connection = config.GetConnectionString("Kb");
        switch (provider)
        {
            case "sqlite":
                services.AddPooledDbContextFactory<SqliteKbDbContext>(options =>
                {
                    Directory.CreateDirectory(dataDirectory);
                    options.UseSqlite(SqliteConnectionString(connection, dataDirectory));
                });
                services.AddSingleton<IDbContextFactory<KbDbContext>, KbDbContextFactory<SqliteKbDbContext>>();
                break;
            case "postgres":
                services.AddPooledDbContextFactory<PostgresKbDbContext>(options =>
                    options.UseNpgsql(connection ?? throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:Kb is not set")));
                services.AddSingleton<IDbContextFactory<KbDbContext>, KbDbContextFactory<PostgresKbDbContext>>();
                break;
            default:
                throw new InvalidOperationException($"Database:Provider must be `sqlite` or `postgres`, not `{provider}`");
        }

        // Identity's stores want a scoped context.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<KbDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseMigrator>();
        services.AddHostedService<DatabaseStartup>();
        services.AddHostedService<SearchLogWriter>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    private static string SqliteConnectionString(string? configured, string dataDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? $"Data Source={Path.Combine(dataDirectory, "kb.db")}")
        {
            // Several writers (accounts, search log) share the file: wait for a lock rather than fail.
            DefaultTimeout = 30,
        };
        return builder.ConnectionString;
    }
}
