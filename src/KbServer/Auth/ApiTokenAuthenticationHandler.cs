using System.Security.Claims;
using System.Text.Encodings.Web;
using KbCore.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KbServer.Auth;

/// <summary><c>Authorization: Bearer kb_…</c>: a personal token acting as its user, limited to its scopes.</summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    UserManager<KbUser> users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (TokenFrom(Request.Headers.Authorization.ToString()) is not { } secret)
        {
            return AuthenticateResult.NoResult();
        }

        var owner = await tokens.ValidateAsync(secret, Context.RequestAborted).ConfigureAwait(false);
        if (owner is null)
        {
            return AuthenticateResult.Fail("The token is unknown, revoked, or its user is deactivated.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, owner.User.Id),
            new(ClaimTypes.Name, owner.User.UserName ?? owner.User.Id),
            new(ClaimTypes.Email, owner.User.Email ?? string.Empty),
            new(KbAuthSchemes.NameClaim, owner.User.DisplayName),
            new(KbAuthSchemes.TokenIdClaim, owner.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange((await users.GetRolesAsync(owner.User).ConfigureAwait(false)).Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(owner.Scopes.Select(s => new Claim(KbAuthSchemes.ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    /// <summary>
    /// <c>Bearer kb_…</c> for integrations; <c>Basic</c> with any user name and the token as password for clients that
    /// only speak Basic (feed readers, git).
    /// </summary>
    public static string? TokenFrom(string header)
    {
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            // Only our own tokens: Basic credentials meant for a proxy in front of the server are not ours to judge.
            var password = decoded.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? decoded[(colon + 1)..] : null;
            return password?.StartsWith(ApiTokenService.SecretPrefix, StringComparison.Ordinal) == true ? password : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
            ? "Basic realm=\"KnowledgeBase\", charset=\"UTF-8\""
            : "Bearer";
        await Results.Problem(statusCode: 401, title: "Authentication required",
            detail: "Send a personal API token: Authorization: Bearer kb_… (create one in the studio under Account → API tokens).")
            .ExecuteAsync(Context).ConfigureAwait(false);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Results.Problem(statusCode: 403, title: "Forbidden",
            detail: "This token lacks the scope this endpoint needs, or your role does not allow it.")
            .ExecuteAsync(Context).ConfigureAwait(false);
    }
}
