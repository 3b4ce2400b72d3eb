using KbCore.Data;

namespace KbServer.Hosting;

/// <summary>Migrates the database before the server answers; registered before every other hosted service.</summary>
internal sealed class DatabaseStartup(DatabaseMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
