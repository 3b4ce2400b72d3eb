using KbCore.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace KbServer.Auth;

/// <summary>Named authorization policies. Token callers need the scope; signed-in browsers act with their role.</summary>
internal static class KbPolicies
{
    /// <summary>Studio pages: a signed-in browser session only. A token (even Basic) never opens the studio, so a token's scopes cannot be widened there.</summary>
    public const string StudioMember = "StudioMember";

    public const string StudioAdmin = "StudioAdmin";

    public static string Scope(string scope) => "scope:" + scope;

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(StudioMember, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser());
        options.AddPolicy(StudioAdmin, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(KbRoles.Admin));
        foreach (var scope in TokenScopes.All)
        {
            options.AddPolicy(Scope(scope), p => p.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(scope)));
        }
    }
}
