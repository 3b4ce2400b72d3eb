using System.CommandLine;
using KbCore.Accounts;
using Microsoft.AspNetCore.Identity;

namespace KbServer.Commands;

/// <summary><c>tokens create</c>: a personal API token for an existing account, printed once.</summary>
internal static class TokensCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "Whose token: it acts as this account.", Required = true };
        var scopes = new Option<string>("--scopes") { Description = $"Comma-separated: {string.Join(", ", TokenScopes.All)}.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for.", DefaultValueFactory = _ => "Command-line token" };
        var create = new Command("create", "Create a personal API token and print it once.") { email, scopes, name };
        create.TreatUnmatchedTokensAsErrors = false;
        create.SetAction(async (parse, cancellationToken) =>
        {
            var (known, unknown) = TokenScopes.Parse(parse.GetValue(scopes));
            if (unknown.Count > 0 || known.Count == 0)
            {
                await Console.Error.WriteLineAsync($"tokens create: --scopes: {(unknown.Count > 0 ? $"unknown scope {string.Join(", ", unknown)}" : "give at least one")}; known scopes are {string.Join(", ", TokenScopes.All)}.").ConfigureAwait(false);
                return 1;
            }

            using var host = await AccountCommandHost.BuildAsync(parse.UnmatchedTokens).ConfigureAwait(false);
            using var scope = host.Services.CreateScope();
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<KbUser>>().FindByEmailAsync(parse.GetValue(email)!).ConfigureAwait(false);
            if (user is null || user.IsDeactivated)
            {
                await Console.Error.WriteLineAsync($"tokens create: --email: no active account for {parse.GetValue(email)}; create one with `users add`.").ConfigureAwait(false);
                return 1;
            }

            var created = await host.Services.GetRequiredService<ApiTokenService>().CreateAsync(user.Id, parse.GetValue(name)!, known, cancellationToken).ConfigureAwait(false);
            Console.WriteLine(created.Secret);
            await Console.Error.WriteLineAsync($"Token {created.Token.Prefix}… for {user.Email} with {string.Join(", ", known)}. It is shown only this once.").ConfigureAwait(false);
            return 0;
        });
        return new Command("tokens", "Manage personal API tokens.") { create };
    }
}
