using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.Api;

/// <summary>
/// <c>/api/reference</c> on real Kestrel: public like the document it reads, everything it loads from this origin
/// (it must work offline and tell no third party who reads the docs), and a CSP relaxed for this page only.
/// </summary>
public sealed partial class ApiReferenceTests(KestrelServerFactory server) : IClassFixture<KestrelServerFactory>
{
    [Fact]
    public async Task Reference_IsPublic_AndLoadsOnlySameOriginAssets()
    {
        // Arrange
        using var client = Anonymous();

        // Act
        var redirect = await client.GetAsync("/api/reference");
        var response = await client.GetAsync("/api/reference/");
        var html = await response.Content.ReadAsStringAsync();
        var page = new HtmlParser().ParseDocument(html);
        var pageUri = new Uri(server.RootUri, "/api/reference/");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("KnowledgeBase API reference", page.Title);
        var assets = page.QuerySelectorAll("script[src], link[href], img[src], iframe[src], source[src]")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!)
            .Select(url => new Uri(pageUri, url))
            .ToList();
        Assert.NotEmpty(assets);
        Assert.All(assets, uri => Assert.Equal(server.RootUri.Authority, uri.Authority));
        Assert.DoesNotContain(AbsoluteUrl().Matches(html).Select(m => m.Value), url => !url.StartsWith(server.RootUri.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            var loaded = await client.GetAsync(asset);
            Assert.True(loaded.StatusCode == HttpStatusCode.OK, $"{asset}: {loaded.StatusCode}");
        }
    }

    [Fact]
    public async Task Reference_OffersNoThirdPartyServices_AndReadsOurDocument()
    {
        // Arrange
        using var client = Anonymous();

        // Act
        var html = await client.GetStringAsync("/api/reference/");
        var document = await client.GetAsync("/openapi/v1.json");

        // Assert: the start-up configuration (JSON inside the inline script) turns off Scalar's CDN fonts, telemetry, AI chat and MCP.
        var start = new HtmlParser().ParseDocument(html).QuerySelectorAll("script:not([src])").Single().TextContent;
        Assert.Contains("\"withDefaultFonts\":false", start, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", start, StringComparison.Ordinal);
        Assert.Contains("\"agent\":{\"disabled\":true}", start, StringComparison.Ordinal);
        Assert.Contains("\"mcp\":{\"disabled\":true}", start, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"openapi/v1.json\"", start, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
    }

    [Fact]
    public async Task Csp_IsRelaxedForTheReferenceOnly_WithAFreshScriptNonce()
    {
        // Arrange
        using var client = Anonymous();

        // Act
        var first = await client.GetAsync("/api/reference/");
        var second = await client.GetAsync("/api/reference/");
        var home = await client.GetAsync("/");
        var bundle = await client.GetAsync("/api/reference/scalar.js");

        // Assert
        var policy = Csp(first);
        var nonce = NonceSource().Match(policy).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.NotEqual(nonce, NonceSource().Match(Csp(second)).Groups[1].Value);
        Assert.DoesNotContain("'unsafe-inline'", ScriptSources(policy), StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", policy, StringComparison.Ordinal);
        var scripts = new HtmlParser().ParseDocument(await first.Content.ReadAsStringAsync()).QuerySelectorAll("script");
        Assert.All(scripts, s => Assert.Equal(nonce, s.GetAttribute("nonce")));
        Assert.Contains("script-src 'self';", Csp(home), StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", Csp(home).Split(';').Single(d => d.Trim().StartsWith("style-src ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", Csp(bundle), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokensPage_LinksToTheReference()
    {
        // Arrange
        var session = await StudioSession.NewUserAsync(server, "reference-reader@example.com", KbRoles.Author);

        // Act
        var page = await session.GetDocumentAsync("/studio/account/tokens");

        // Assert
        Assert.Equal("/api/reference/", page.QuerySelector("#api-reference-link")?.GetAttribute("href"));
    }

    private HttpClient Anonymous() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.RootUri };

    private static string Csp(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values.Single() : string.Empty;

    private static string ScriptSources(string policy) =>
        policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));

    [GeneratedRegex(@"https?://[^\s""'<>)]+")]
    private static partial Regex AbsoluteUrl();

    [GeneratedRegex(@"script-src [^;]*'nonce-([A-Za-z0-9+/=_-]+)'")]
    private static partial Regex NonceSource();
}
