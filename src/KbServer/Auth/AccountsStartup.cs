using KbCore.Accounts;
using Microsoft.AspNetCore.Identity;

namespace KbServer.Auth;

/// <summary>
/// Creates the roles, and with no accounts yet opens the one-time link to set up the first admin, which the start-up
/// block prints (<see cref="Hosting.StartupBlock"/>).
/// </summary>
internal sealed class AccountsStartup(IServiceScopeFactory scopes, FirstRunSetup setup) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await EnsureRolesAsync(scope.ServiceProvider).ConfigureAwait(false);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<KbUser>>();
        if (users.Users.Any())
        {
            return;
        }

        setup.Open();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in KbRoles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false);
            }
        }
    }
}
