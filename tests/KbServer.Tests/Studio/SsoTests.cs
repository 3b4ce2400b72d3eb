using System.Net;
using KbServer.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace KbServer.Tests.Studio;

/// <summary>Single sign-on is configuration only: with an issuer configured, sign-in offers it and redirects there.</summary>
public sealed class SsoTests
{
    [Fact]
    public async Task ConfiguredIssuer_AddsTheButton_AndSignInRedirectsToItWithPkce()
    {
        await using var issuer = await TestOidcIssuer.StartAsync();
        using var server = new KbServerFactory(RepoPaths.Content, new Dictionary<string, string?>
        {
            ["Auth:Oidc:Authority"] = issuer.Root.ToString().TrimEnd('/'),
            ["Auth:Oidc:ClientId"] = "knowledgebase",
            ["Auth:Oidc:DisplayName"] = "Acme SSO",
            ["Auth:Oidc:RequireHttpsMetadata"] = "false",
        });
        var session = StudioSession.Anonymous(server);

        var login = await session.GetDocumentAsync("/studio/login");
        Assert.Equal("Sign in with Acme SSO", login.QuerySelector("#sign-in-sso")!.TextContent);
        var challenge = await session.SubmitAsync("/studio/login", "form[action*='handler=Sso']", []);

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var target = challenge.Headers.Location!;
        Assert.Equal(new Uri(issuer.Root, "/authorize").ToString(), target.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(target.Query);
        Assert.Equal("knowledgebase", query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.EndsWith("/studio/login/oidc-callback", query["redirect_uri"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutConfiguration_ThereIsNoSsoButtonOrHandler()
    {
        using var server = new SampleServerFactory();
        var session = StudioSession.Anonymous(server);

        var login = await session.GetDocumentAsync("/studio/login");

        Assert.Null(login.QuerySelector("#sign-in-sso"));
    }
}
