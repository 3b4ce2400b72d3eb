using KbCore.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KbServer.Auth;

/// <summary>Identity's sign-in, refusing deactivated accounts on every path (password, SSO, cookie refresh).</summary>
internal sealed class KbSignInManager(
    UserManager<KbUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<KbUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<KbUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<KbUser> confirmation)
    : SignInManager<KbUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(KbUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsDeactivated && await base.CanSignInAsync(user).ConfigureAwait(false);
    }
}
