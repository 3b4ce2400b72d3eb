using KbCore.Accounts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;

namespace KbServer.Auth;

/// <summary>Creates the roles, and with no accounts yet prints the one-time link to set up the first admin.</summary>
internal sealed partial class AccountsStartup(
    IServiceScopeFactory scopes, FirstRunSetup setup, IHostApplicationLifetime lifetime, IServiceProvider services, ILogger<AccountsStartup> logger)
    : IHostedService
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

        var token = setup.Open();

        // The address is known only once Kestrel listens.
        lifetime.ApplicationStarted.Register(() =>
        {
            var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
            address = address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
            LogSetupLink(logger, $"{address.TrimEnd('/')}/studio/setup?token={token}");
        });
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "No accounts yet. Create the first admin within this run of the server: {Link}")]
    private static partial void LogSetupLink(ILogger logger, string link);
}
