using System.Security.Claims;
using KbCore.Accounts;
using Microsoft.AspNetCore.Identity;

namespace KbServer.Auth;

/// <summary>
/// Completes an SSO sign-in: the issuer's user is matched by login, then by verified email; unknown people get an
/// account with the configured role when <see cref="OidcOptions.CreateAccounts"/> allows it.
/// </summary>
public sealed class SsoAccounts(SignInManager<KbUser> signIn, OidcOptions options, TimeProvider clock)
{
    /// <summary>Null when signed in; otherwise the message to show on the sign-in page.</summary>
    public async Task<string?> SignInAsync(CancellationToken cancellationToken)
    {
        var info = await signIn.GetExternalLoginInfoAsync().ConfigureAwait(false);
        if (info is null)
        {
            return "The single sign-on response was missing or expired. Try again.";
        }

        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return null;
        }

        if (result.IsNotAllowed || result.IsLockedOut)
        {
            return "This account is deactivated or locked. Ask an admin.";
        }

        var email = info.Principal.FindFirstValue(ClaimTypes.Email) ?? info.Principal.FindFirstValue("email");
        if (string.IsNullOrWhiteSpace(email))
        {
            return "The identity provider did not share an email address, which the studio needs to author commits.";
        }

        // Matching by email hands over an existing account: only on an address the issuer says it verified.
        if (!string.Equals(info.Principal.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return $"Your identity provider did not confirm that {email} is verified, so it cannot be used to sign in here. Ask an admin.";
        }

        var domain = email[(email.LastIndexOf('@') + 1)..];
        if (options.AllowedEmailDomains.Count > 0 && !options.AllowedEmailDomains.Contains(domain, StringComparer.OrdinalIgnoreCase))
        {
            return $"Accounts at {domain} cannot sign in to this studio.";
        }

        var users = signIn.UserManager;
        var user = await users.FindByEmailAsync(email).ConfigureAwait(false);
        if (user is not null && (await users.IsInRoleAsync(user, KbRoles.Admin).ConfigureAwait(false) || (await users.GetLoginsAsync(user).ConfigureAwait(false)).Count > 0))
        {
            // Linking an admin, or an account already tied to another identity, must be proven with its password first.
            return $"The account for {email} cannot be linked to single sign-on automatically. Sign in with its password, or ask an admin.";
        }

        if (user is null)
        {
            if (!options.CreateAccounts)
            {
                return $"There is no studio account for {email}. Ask an admin to invite you.";
            }

            var name = info.Principal.FindFirstValue(ClaimTypes.Name) ?? info.Principal.FindFirstValue("name") ?? email;
            user = new KbUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = clock.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(user).ConfigureAwait(false);
            if (!created.Succeeded)
            {
                return string.Join(" ", created.Errors.Select(e => e.Description));
            }

            await users.AddToRoleAsync(user, KbRoles.Parse(options.DefaultRole) ?? KbRoles.Author).ConfigureAwait(false);
        }

        if (user.IsDeactivated)
        {
            return "This account is deactivated. Ask an admin to reactivate it.";
        }

        await users.AddLoginAsync(user, info).ConfigureAwait(false);
        await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return null;
    }
}
