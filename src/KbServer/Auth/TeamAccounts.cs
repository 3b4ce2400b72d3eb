using KbCore.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace KbServer.Auth;

/// <summary>
/// Account administration shared by the setup page, the users page and the <c>users add</c> command, so every
/// path applies the same rules: one role per person, valid emails and names, never zero active admins.
/// </summary>
public sealed class TeamAccounts(UserManager<KbUser> users, KbCore.Data.KbDbContext db, TimeProvider clock)
{
    public const string PasswordField = "Password";

    // Role and activation changes one at a time, so two admins demoting each other cannot both pass the
    // "someone else is still an admin" check. One server process per database (DESIGN: SQLite is one node).
    private static readonly SemaphoreSlim AdminChanges = new(1, 1);

    public async Task<(AccountResult Result, KbUser? User)> CreateAsync(string email, string name, string role, string? password)
    {
        email = (email ?? string.Empty).Trim();
        name = (name ?? string.Empty).Trim();
        if (KbRoles.Parse(role) is not { } knownRole)
        {
            return (AccountResult.Fail("Role", $"Role must be one of {string.Join(", ", KbRoles.All)}."), null);
        }

        if (name.Length == 0 || name.Length > KbUser.MaxNameLength || name.Any(char.IsControl))
        {
            return (AccountResult.Fail("Name", $"Enter a name of 1 to {KbUser.MaxNameLength} characters; it authors this person's commits."), null);
        }

        if (!System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || email.Length > 256)
        {
            return (AccountResult.Fail("Email", "Enter an email address like name@example.com."), null);
        }

        if (await users.FindByEmailAsync(email).ConfigureAwait(false) is not null)
        {
            return (AccountResult.Fail("Email", $"There is already an account for {email}."), null);
        }

        var user = new KbUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = clock.GetUtcNow().UtcDateTime };
        var created = password is null ? await users.CreateAsync(user).ConfigureAwait(false) : await users.CreateAsync(user, password).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return (FromIdentity(created), null);
        }

        await users.AddToRoleAsync(user, knownRole).ConfigureAwait(false);
        return (AccountResult.Ok, user);
    }

    public async Task<string> RoleOfAsync(KbUser user) =>
        (await users.GetRolesAsync(user).ConfigureAwait(false)).FirstOrDefault() ?? KbRoles.Author;

    public async Task<AccountResult> SetRoleAsync(KbUser user, string role)
    {
        await AdminChanges.WaitAsync().ConfigureAwait(false);
        try
        {
            return await SetRoleLockedAsync(user, role).ConfigureAwait(false);
        }
        finally
        {
            AdminChanges.Release();
        }
    }

    private async Task<AccountResult> SetRoleLockedAsync(KbUser user, string role)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (KbRoles.Parse(role) is not { } knownRole)
        {
            return AccountResult.Fail("Role", $"Role must be one of {string.Join(", ", KbRoles.All)}.");
        }

        var current = await users.GetRolesAsync(user).ConfigureAwait(false);
        if (current.Contains(KbRoles.Admin) && knownRole != KbRoles.Admin && await IsLastActiveAdminAsync(user).ConfigureAwait(false))
        {
            return AccountResult.Fail(string.Empty, "This is the last active admin: make someone else an admin first.");
        }

        await users.RemoveFromRolesAsync(user, current).ConfigureAwait(false);
        await users.AddToRoleAsync(user, knownRole).ConfigureAwait(false);

        // Open sessions pick up the new role at their next check.
        await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
        return AccountResult.Ok;
    }

    public async Task<AccountResult> SetActiveAsync(KbUser user, bool active)
    {
        await AdminChanges.WaitAsync().ConfigureAwait(false);
        try
        {
            return await SetActiveLockedAsync(user, active).ConfigureAwait(false);
        }
        finally
        {
            AdminChanges.Release();
        }
    }

    private async Task<AccountResult> SetActiveLockedAsync(KbUser user, bool active)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!active && await users.IsInRoleAsync(user, KbRoles.Admin).ConfigureAwait(false) && await IsLastActiveAdminAsync(user).ConfigureAwait(false))
        {
            return AccountResult.Fail(string.Empty, "This is the last active admin and cannot be deactivated.");
        }

        user.IsDeactivated = !active;
        await users.UpdateAsync(user).ConfigureAwait(false);

        // Ends their sessions within a minute (SecurityStampValidator); their tokens stop at once.
        await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
        return AccountResult.Ok;
    }

    /// <summary>A link that lets the person choose a password: used for invitations and resets.</summary>
    public async Task<string> SetPasswordLinkAsync(KbUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GeneratePasswordResetTokenAsync(user).ConfigureAwait(false);
        return $"/studio/set-password?user={Uri.EscapeDataString(user.Id)}&token={WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token))}";
    }

    public async Task<AccountResult> SetPasswordAsync(string userId, string encodedToken, string password)
    {
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        string token;
        try
        {
            token = System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encodedToken));
        }
        catch (FormatException)
        {
            token = string.Empty;
        }

        if (user is null || user.IsDeactivated || token.Length == 0)
        {
            return AccountResult.Fail(string.Empty, "This link is not valid. Ask an admin for a new one.");
        }

        var reset = await users.ResetPasswordAsync(user, token, password).ConfigureAwait(false);
        if (!reset.Succeeded)
        {
            return reset.Errors.Any(e => e.Code == "InvalidToken")
                ? AccountResult.Fail(string.Empty, "This link has expired or was already used. Ask an admin for a new one.")
                : FromIdentity(reset);
        }

        await users.SetLockoutEndDateAsync(user, null).ConfigureAwait(false);
        await users.ResetAccessFailedCountAsync(user).ConfigureAwait(false);
        return AccountResult.Ok;
    }

    /// <summary>Asked of the database itself (EXISTS), not of entities this request loaded earlier, which may be stale.</summary>
    private async Task<bool> IsLastActiveAdminAsync(KbUser user)
    {
        var adminRole = await db.Roles.Where(r => r.Name == KbRoles.Admin).Select(r => r.Id).FirstOrDefaultAsync().ConfigureAwait(false);
        return !await db.UserRoles
            .Where(ur => ur.RoleId == adminRole && ur.UserId != user.Id)
            .Join(db.Users, ur => ur.UserId, u => u.Id, (_, u) => u)
            .AnyAsync(u => !u.IsDeactivated).ConfigureAwait(false);
    }

    private static AccountResult FromIdentity(IdentityResult result)
    {
        var errors = new Dictionary<string, string>();
        foreach (var error in result.Errors)
        {
            var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? PasswordField
                : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "Email"
                : string.Empty;
            errors[field] = errors.TryGetValue(field, out var previous) ? previous + " " + error.Description : error.Description;
        }

        return new AccountResult(errors);
    }

    public Task<List<KbUser>> AllAsync() => users.Users.OrderBy(u => u.DisplayName).ToListAsync();
}
