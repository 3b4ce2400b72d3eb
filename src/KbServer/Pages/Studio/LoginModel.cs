using System.ComponentModel.DataAnnotations;
using KbCore.Accounts;
using KbServer.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<KbUser> signIn, FirstRunSetup setup, OidcOptions sso, SsoAccounts ssoAccounts) : PageModel
{
    /// <summary>Temp data: the email of the account whose password was just set (<see cref="SetPasswordModel"/>).</summary>
    public const string PasswordSetEmailKey = "PasswordSetEmail";

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public OidcOptions Sso { get; } = sso;

    // A string: `passwordSet=1`, what the set-password page sends, does not bind to a bool.
    [BindProperty(SupportsGet = true, Name = "passwordSet")]
    public string? PasswordSetFlag { get; set; }

    public string? Notice { get; private set; }

    public bool SetupPending => setup.IsOpen;

    public void OnGet()
    {
        if (PasswordSetFlag is not ("1" or "true"))
        {
            return;
        }

        Notice = "Your password is set. Sign in.";
        if (TempData[PasswordSetEmailKey] is string email)
        {
            Input.Email = email;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await signIn.UserManager.FindByEmailAsync(Input.Email).ConfigureAwait(false);
        if (user is null)
        {
            Error = "The email or password is wrong.";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl());
        }

        // "Deactivated" only to someone who knows the password: otherwise it would tell anyone which accounts exist.
        var deactivated = result.IsNotAllowed && await signIn.UserManager.CheckPasswordAsync(user, Input.Password).ConfigureAwait(false);
        Error = result.IsLockedOut
            ? "Too many failed attempts: this account is locked for 15 minutes. An admin can send you a password reset link."
            : deactivated
                ? "This account is deactivated. Ask an admin to reactivate it."
                : "The email or password is wrong.";
        return Page();
    }

    public IActionResult OnPostSso()
    {
        if (!Sso.Enabled)
        {
            return NotFound();
        }

        var redirect = Url.Page("/Studio/Login", "SsoCallback", new { ReturnUrl = SafeReturnUrl() });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(KbAuthSchemes.Oidc, redirect), KbAuthSchemes.Oidc);
    }

    public async Task<IActionResult> OnGetSsoCallbackAsync()
    {
        var outcome = await ssoAccounts.SignInAsync(HttpContext.RequestAborted).ConfigureAwait(false);
        if (outcome is null)
        {
            return LocalRedirect(SafeReturnUrl());
        }

        Error = outcome;
        return Page();
    }

    private string SafeReturnUrl() =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && ReturnUrl.StartsWith("/studio", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/studio";

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Enter your email.")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@example.com.")]
        [StringLength(256)]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(1024)]
        public string Password { get; set; } = string.Empty;

        public bool RememberMe { get; set; }
    }
}
