namespace KbServer.Auth;

/// <summary>
/// Single sign-on (section <c>Auth:Oidc</c>). Setting <see cref="Authority"/> and <see cref="ClientId"/> is enough
/// to show "Sign in with …" on the login page.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Auth:Oidc";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The button label: "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "SSO";

    /// <summary>
    /// First SSO sign-in of an unknown (verified) email creates an account with <see cref="DefaultRole"/>. Off by
    /// default: with a multi-tenant issuer anyone with an account there would become an author.
    /// </summary>
    public bool CreateAccounts { get; set; }

    /// <summary>Only emails in these domains may sign in by SSO (empty: any the issuer vouches for).</summary>
    public IList<string> AllowedEmailDomains { get; } = [];

    public string DefaultRole { get; set; } = "Author";

    /// <summary>Plain HTTP issuers are for local testing only.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
