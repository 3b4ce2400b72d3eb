using System.ComponentModel.DataAnnotations;
using KbCore.Accounts;
using KbServer.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio;

/// <summary>Invitation and reset links land here; the token is Identity's single-use password reset token.</summary>
[AllowAnonymous]
public sealed class SetPasswordModel(TeamAccounts accounts, UserManager<KbUser> users) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string UserId { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "token")]
    public string Token { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(1024)]
    public string Password { get; set; } = string.Empty;

    public string? FormError { get; private set; }

    public void OnGet() => ModelState.Clear();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await accounts.SetPasswordAsync(UserId, Token, Password).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                if (field == TeamAccounts.PasswordField)
                {
                    ModelState.AddModelError(nameof(Password), message);
                }
                else
                {
                    FormError = message;
                }
            }

            return Page();
        }

        // The sign-in form gets the account's email from the database, through the data-protected temp-data cookie:
        // never in the address, where it would reach logs and history, and never anything the visitor typed.
        TempData[LoginModel.PasswordSetEmailKey] = (await users.FindByIdAsync(UserId).ConfigureAwait(false))?.Email;
        return LocalRedirect("/studio/login?passwordSet=1");
    }
}
