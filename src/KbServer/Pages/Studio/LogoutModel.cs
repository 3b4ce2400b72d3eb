using KbCore.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio;

/// <summary>Signing out is a POST (a link could be triggered by another site); GET only asks.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<KbUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync().ConfigureAwait(false);
        return LocalRedirect("/studio/login");
    }
}
