using System.Security.Claims;
using KbCore.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KbServer.Auth;

/// <summary>Adds the display name, which pages show and commits are authored with.</summary>
internal sealed class KbClaimsPrincipalFactory(UserManager<KbUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<KbUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(KbUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        identity.AddClaim(new Claim(KbAuthSchemes.NameClaim, user.DisplayName));
        return identity;
    }
}
