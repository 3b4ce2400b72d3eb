namespace KbServer.Auth;

/// <summary>Scheme and claim names shared by the handlers, policies and pages.</summary>
public static class KbAuthSchemes
{
    /// <summary>Picks the token scheme for <c>Authorization: Bearer</c>, the Identity cookie otherwise.</summary>
    public const string Selector = "Kb";

    public const string Token = "KbToken";

    public const string Oidc = "oidc";

    public const string ScopeClaim = "scope";

    public const string TokenIdClaim = "kb:token";

    public const string NameClaim = "kb:name";
}
