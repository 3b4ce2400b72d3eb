using Microsoft.AspNetCore.Authorization;

namespace KbServer.Auth;

/// <summary>
/// A token must carry the scope. A browser session (cookie) is not limited by scopes: it acts as the person,
/// whose role the endpoint checks separately where it matters.
/// </summary>
internal sealed class ScopeRequirement(string scope) : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    public string Scope { get; } = scope;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        var user = context.User;
        var viaToken = user.HasClaim(c => c.Type == KbAuthSchemes.TokenIdClaim);
        if (user.Identity?.IsAuthenticated == true && (!viaToken || user.HasClaim(KbAuthSchemes.ScopeClaim, requirement.Scope)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
