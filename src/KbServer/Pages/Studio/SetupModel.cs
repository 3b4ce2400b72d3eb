using System.ComponentModel.DataAnnotations;
using KbCore.Accounts;
using KbServer.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KbServer.Pages.Studio;

/// <summary>First run: the one-time link printed at start creates the first admin.</summary>
[AllowAnonymous]
public sealed class SetupModel(FirstRunSetup setup, TeamAccounts accounts, SignInManager<KbUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    [BindProperty]
    public SetupInput Input { get; set; } = new();

    public string? FormError { get; private set; }

    public bool LinkValid { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await CheckLinkAsync().ConfigureAwait(false) ? Page() : NotFoundPage();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await CheckLinkAsync().ConfigureAwait(false))
        {
            return NotFoundPage();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Spend the link first so two submissions cannot both create an admin.
        var token = Token!;
        if (!setup.TryClose(token))
        {
            return NotFoundPage();
        }

        var (result, user) = await accounts.CreateAsync(Input.Email, Input.Name, KbRoles.Admin, Input.Password).ConfigureAwait(false);
        if (!result.Succeeded || user is null)
        {
            setup.Reopen(token);
            FormError = AccountForm.Apply(result, ModelState, nameof(Input));
            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false).ConfigureAwait(false);
        return LocalRedirect("/studio/admin/users?welcome=1");
    }

    /// <summary>The link is spent as soon as any account exists, however it was created (for example by `users add`).</summary>
    private async Task<bool> CheckLinkAsync()
    {
        LinkValid = setup.Matches(Token);
        if (LinkValid && await signIn.UserManager.Users.AnyAsync().ConfigureAwait(false))
        {
            setup.TryClose(Token);
            LinkValid = false;
        }

        return LinkValid;
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public sealed class SetupInput
    {
        [Required(ErrorMessage = "Enter your name.")]
        public string Name { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your email.")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(1024)]
        public string Password { get; set; } = string.Empty;
    }
}
