using System.Security.Claims;
using KbCore.Content;

namespace KbServer.Auth;

/// <summary>Who a request's commits are authored by: the signed-in person or the token's owner.</summary>
internal static class CurrentAuthor
{
    public static CommitIdentity Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var email = user.FindFirstValue(ClaimTypes.Email) is { Length: > 0 } e ? e : user.Identity?.Name ?? "unknown@localhost";
        var name = user.FindFirstValue(KbAuthSchemes.NameClaim) is { Length: > 0 } n ? n : email;
        return new CommitIdentity(name, email);
    }

    /// <summary>The person with their account id and roles, for change-request rules.</summary>
    public static KbCore.Reviews.ReviewerIdentity Reviewer(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var commit = Of(user);
        return new KbCore.Reviews.ReviewerIdentity(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, commit.Name, commit.Email,
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList());
    }

    /// <summary>
    /// Null when the person may change the published branch directly under <c>.kb/policy.yml</c>; otherwise the
    /// message to show. Web saves, the API and pushes all ask this, so the policy holds the same everywhere.
    /// </summary>
    public static string? PublishRefusal(ClaimsPrincipal user, KbCore.Reviews.ChangeRequests changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return changes.Policy().MayPublishDirectly(Reviewer(user).Roles)
            ? null
            : "Under this repository's review policy your changes go through a change request: save them into one (the API's ?change=id), or push a branch.";
    }

    /// <summary>True when the request is authenticated by a personal token rather than a browser session.</summary>
    public static bool ViaToken(ClaimsPrincipal user) => user?.HasClaim(c => c.Type == KbAuthSchemes.TokenIdClaim) == true;
}
