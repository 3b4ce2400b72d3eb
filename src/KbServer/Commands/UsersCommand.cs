using System.CommandLine;
using KbCore.Accounts;
using KbServer.Auth;

namespace KbServer.Commands;

/// <summary><c>users add</c>: creates any account from a shell, including the first admin.</summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "Their email; it authors their commits.", Required = true };
        var name = new Option<string>("--name") { Description = "Their name as commits show it.", Required = true };
        var role = new Option<string>("--role") { Description = "author, reviewer or admin.", DefaultValueFactory = _ => "author" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input; otherwise print a link to choose one." };
        var url = new Option<string>("--url") { Description = "The server's address, for the printed link.", DefaultValueFactory = _ => "http://localhost:5000" };
        var add = new Command("add", "Create a studio account.") { email, name, role, passwordStdin, url };
        add.TreatUnmatchedTokensAsErrors = false;
        add.SetAction(async (parse, cancellationToken) =>
        {
            string? password = null;
            if (parse.GetValue(passwordStdin))
            {
                password = (await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false))?.TrimEnd('\r', '\n');
                if (string.IsNullOrEmpty(password))
                {
                    await Console.Error.WriteLineAsync("users add: --password-stdin given but standard input had no password.").ConfigureAwait(false);
                    return 1;
                }
            }

            using var host = await AccountCommandHost.BuildAsync(parse.UnmatchedTokens).ConfigureAwait(false);
            using var scope = host.Services.CreateScope();
            var accounts = scope.ServiceProvider.GetRequiredService<TeamAccounts>();
            var (result, user) = await accounts.CreateAsync(parse.GetValue(email)!, parse.GetValue(name)!, parse.GetValue(role)!, password).ConfigureAwait(false);
            if (!result.Succeeded || user is null)
            {
                foreach (var (field, message) in result.Errors)
                {
                    await Console.Error.WriteLineAsync($"users add: {(field.Length > 0 ? $"--{field.ToLowerInvariant()}: " : string.Empty)}{message}").ConfigureAwait(false);
                }

                return 1;
            }

            var created = $"Created {await accounts.RoleOfAsync(user).ConfigureAwait(false)} {user.DisplayName} <{user.Email}>.";
            Console.WriteLine(password is null
                ? $"{created} They choose a password at (valid for a day, once):\n{parse.GetValue(url)!.TrimEnd('/')}{await accounts.SetPasswordLinkAsync(user).ConfigureAwait(false)}"
                : $"{created} They can sign in at {parse.GetValue(url)!.TrimEnd('/')}/studio/login");
            return 0;
        });
        return new Command("users", "Manage studio accounts.") { add };
    }
}
