using KbCore.Data;
using KbServer.Auth;

namespace KbServer.Commands;

/// <summary>A command host with accounts: the database migrated and the roles present, as the server would have them.</summary>
internal static class AccountCommandHost
{
    public static async Task<IHost> BuildAsync(IReadOnlyList<string> configArgs)
    {
        var host = CommandHost.Build(configArgs, (services, config, contentRoot) => services.AddKbAuth(config, contentRoot));
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        using var scope = host.Services.CreateScope();
        await AccountsStartup.EnsureRolesAsync(scope.ServiceProvider).ConfigureAwait(false);
        return host;
    }
}
