using Microsoft.Extensions.DependencyInjection;

namespace KbCore.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>Personal API tokens (the Identity stores are the host's: they need ASP.NET Core).</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddSingleton<ApiTokenService>();
        return services;
    }
}
