using System.ComponentModel.DataAnnotations;
using KbCore.Accounts;
using KbServer.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio.Admin;

/// <summary>Admins add, invite, change roles, send reset links and deactivate. Nobody is ever deleted: they authored history.</summary>
public sealed class UsersModel(TeamAccounts accounts, UserManager<KbUser> users, TimeProvider clock, KbServer.HelpCenter.PublicUrls urls) : PageModel
{
    [BindProperty]
    public NewUserInput New { get; set; } = new();

    // A string: `welcome=1`, what setup sends, does not bind to a bool.
    [BindProperty(SupportsGet = true, Name = "welcome")]
    public string? WelcomeFlag { get; set; }

    /// <summary>Setup just created the first admin: say what to do next.</summary>
    public bool Welcome => WelcomeFlag is "1" or "true";

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public string? FormError { get; private set; }

    public string? Link { get; private set; }

    public string? LinkFor { get; private set; }

    public string? Notice { get; private set; }

    public async Task OnGetAsync() => await LoadAsync().ConfigureAwait(false);

    public async Task<IActionResult> OnPostCreateAsync()
    {
        ModelState.Remove("id");
        if (ModelState.IsValid)
        {
            var password = string.IsNullOrEmpty(New.Password) ? null : New.Password;
            var (result, user) = await accounts.CreateAsync(New.Email, New.Name, New.Role, password).ConfigureAwait(false);
            FormError = AccountForm.Apply(result, ModelState, nameof(New));
            if (result.Succeeded && user is not null)
            {
                if (password is null)
                {
                    await ShowLinkAsync(user, $"{user.DisplayName} is invited").ConfigureAwait(false);
                }
                else
                {
                    Notice = $"{user.DisplayName} can now sign in with the password you set.";
                }

                ModelState.Clear();
                New = new NewUserInput();
            }
        }

        await LoadAsync().ConfigureAwait(false);
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(string id, string role)
    {
        ModelState.Clear();
        if (await users.FindByIdAsync(id).ConfigureAwait(false) is not { } user)
        {
            return NotFound();
        }

        var result = await accounts.SetRoleAsync(user, role).ConfigureAwait(false);
        FormError = result.Succeeded ? null : string.Join(" ", result.Errors.Values);
        Notice = result.Succeeded ? $"{user.DisplayName} is now {KbRoles.Parse(role)}." : null;
        await LoadAsync().ConfigureAwait(false);
        return Page();
    }

    public async Task<IActionResult> OnPostActiveAsync(string id, bool active)
    {
        ModelState.Clear();
        if (await users.FindByIdAsync(id).ConfigureAwait(false) is not { } user)
        {
            return NotFound();
        }

        var result = await accounts.SetActiveAsync(user, active).ConfigureAwait(false);
        FormError = result.Succeeded ? null : string.Join(" ", result.Errors.Values);
        Notice = result.Succeeded ? $"{user.DisplayName} is {(active ? "active again" : "deactivated: their sessions and API tokens stop working")}." : null;
        await LoadAsync().ConfigureAwait(false);
        return Page();
    }

    public async Task<IActionResult> OnPostLinkAsync(string id)
    {
        ModelState.Clear();
        if (await users.FindByIdAsync(id).ConfigureAwait(false) is not { } user)
        {
            return NotFound();
        }

        await ShowLinkAsync(user, $"Password link for {user.DisplayName}").ConfigureAwait(false);
        await LoadAsync().ConfigureAwait(false);
        return Page();
    }

    private async Task ShowLinkAsync(KbUser user, string label)
    {
        LinkFor = label;
        // Behind a proxy the request's host is the server's: the link is mailed to someone outside, so it uses the public address.
        Link = urls.Absolute(HttpContext, await accounts.SetPasswordLinkAsync(user).ConfigureAwait(false));
    }

    private async Task LoadAsync()
    {
        var rows = new List<UserRow>();
        var now = clock.GetUtcNow();
        foreach (var user in await accounts.AllAsync().ConfigureAwait(false))
        {
            var logins = await users.GetLoginsAsync(user).ConfigureAwait(false);
            rows.Add(new UserRow(user, await accounts.RoleOfAsync(user).ConfigureAwait(false), user.PasswordHash is not null, logins.Count > 0,
                user.LockoutEnd is { } end && end > now));
        }

        Rows = rows;
    }

    public sealed record UserRow(KbUser User, string Role, bool HasPassword, bool HasSso, bool LockedOut);

    public sealed class NewUserInput
    {
        [Required(ErrorMessage = "Enter their name.")]
        public string Name { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter their email.")]
        public string Email { get; set; } = string.Empty;

        public string Role { get; set; } = KbRoles.Author;

        [StringLength(1024)]
        public string? Password { get; set; }
    }
}
