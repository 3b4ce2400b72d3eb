using KbCore.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace KbServer.Tests.Infrastructure;

/// <summary>Personal API tokens for tests, made through the server's own token service.</summary>
public static class ApiTokens
{
    public static async Task<string> ForAsync(KbServerFactory factory, KbUser user, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(user);
        return (await factory.Services.GetRequiredService<ApiTokenService>().CreateAsync(user.Id, "test", scopes, CancellationToken.None)).Secret;
    }

    /// <summary>A new account with <paramref name="role"/> and a token with <paramref name="scopes"/>.</summary>
    public static async Task<string> NewUserAsync(KbServerFactory factory, string email, string role, params string[] scopes) =>
        await ForAsync(factory, await StudioSession.CreateUserAsync(factory, email, role), scopes);

    /// <summary>A client that sends a new account's token as <c>Authorization: Bearer</c>.</summary>
    public static async Task<HttpClient> ClientAsync(KbServerFactory factory, string email, string role, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await NewUserAsync(factory, email, role, scopes));
        return client;
    }
}
