using KbCore.Analytics;
using KbCore.Data;
using Microsoft.EntityFrameworkCore;

namespace KbServer.Hosting;

internal static class DatabaseSetup
{
    /// <summary>
    /// The database for data outside git: SQLite at <c>{DataDirectory}/kb.db</c> unless <c>Database:Provider</c>
    /// is <c>postgres</c> with <c>ConnectionStrings:Kb</c>.
    /// </summary>
    public static IServiceCollection AddKbDatabase(this IServiceCollection services, IConfiguration config, string dataDirectory)
    {
        var provider = (config["Database:Provider"] ?? "sqlite").ToLowerInvariant();
        var connection = config.GetConnectionString("Kb");
        services.AddPooledDbContextFactory<KbDbContext>(options =>
        {
            switch (provider)
            {
                case "sqlite":
                    Directory.CreateDirectory(dataDirectory);
                    options.UseSqlite(connection ?? $"Data Source={Path.Combine(dataDirectory, "kb.db")}");
                    break;
                case "postgres":
                    options.UseNpgsql(connection ?? throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:Kb is not set"));
                    break;
                default:
                    throw new InvalidOperationException($"Database:Provider must be `sqlite` or `postgres`, not `{provider}`");
            }
        });
        services.AddSingleton<SearchLog>();
        services.AddHostedService<SearchLogWriter>();
        return services;
    }
}
