using KbCore.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace KbServer.Auth;

/// <summary>Named authorization policies. Token callers need the scope; signed-in browsers act with their role.</summary>
internal static class KbPolicies
{
    public const string Admin = "Admin";
    public const string Reviewer = "Reviewer";
    public const string TeamMember = "TeamMember";

    public static string Scope(string scope) => "scope:" + scope;

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(TeamMember, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Admin, p => p.RequireRole(KbRoles.Admin));
        options.AddPolicy(Reviewer, p => p.RequireRole(KbRoles.Reviewer, KbRoles.Admin));
        foreach (var scope in TokenScopes.All)
        {
            options.AddPolicy(Scope(scope), p => p.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(scope)));
        }
    }
}
