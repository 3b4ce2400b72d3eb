using KbCore.Accounts;
using Microsoft.AspNetCore.Identity;

namespace KbServer.HelpCenter;

/// <summary>
/// Who a help-center response is for. Signed-in team members (a studio session, any role) also see internal
/// articles; such a response is theirs alone, so it must never reach a shared cache or another visitor.
/// </summary>
internal static class HelpCenterAudience
{
    /// <summary>Studio session cookies only: an API token is for integrations, whose routes decide for themselves.</summary>
    public static bool IsTeam(HttpContext context) =>
        context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme)
        && KbRoles.All.Any(context.User.IsInRole);

    /// <summary>
    /// Cache headers for a response that may differ by audience: a team member's is private to their browser; every
    /// one varies by cookie, so a shared cache never hands a visitor's copy to the team or the team's to a visitor.
    /// </summary>
    public static void SetCaching(HttpContext context, bool team, string publicCacheControl)
    {
        context.Response.Headers.CacheControl = team ? "private, no-cache" : publicCacheControl;
        context.Response.Headers.Vary = "Cookie";
    }
}
