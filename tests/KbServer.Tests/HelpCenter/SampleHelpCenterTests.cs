using System.Net;
using AngleSharp.Html.Dom;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.HelpCenter;

/// <summary>The shipped sample help center, served as a newcomer would first see it.</summary>
public sealed class SampleHelpCenterTests(SampleServerFactory factory) : IClassFixture<SampleServerFactory>
{
    private static readonly IReadOnlyList<SampleArticle> Articles = SampleArticle.ReadAll(RepoPaths.Content);

    [Fact]
    public void SampleContent_IsARealHelpCenter()
    {
        Assert.True(Articles.Count >= 40, $"{Articles.Count} articles");
        Assert.True(Articles.Count(a => a.Internal) >= 4);
        Assert.True(Directory.GetDirectories(RepoPaths.Content).Length >= 5);
    }

    [Fact]
    public async Task Home_ListsEveryCategoryWithPublicArticles()
    {
        // Arrange
        var client = factory.CreateClient();
        var categories = Directory.GetDirectories(RepoPaths.Content)
            .Select(Path.GetFileName)
            .Where(name => Articles.Any(a => a.Path.StartsWith(name + "/", StringComparison.Ordinal) && !a.Internal))
            .ToArray();

        // Act
        var response = await client.GetAsync("/");
        var doc = await Html.ParseAsync(response);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(doc.QuerySelectorAll("h1"));
        var links = doc.QuerySelectorAll("main a").OfType<IHtmlAnchorElement>().Select(a => a.GetAttribute("href")).ToHashSet();
        Assert.All(categories, c => Assert.Contains("/" + c, links));
    }

    [Fact]
    public async Task EveryPublicArticle_Answers200WithItsTitleInTheH1()
    {
        var client = factory.CreateClient();
        foreach (var article in Articles.Where(a => !a.Internal))
        {
            var response = await client.GetAsync(article.Url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{article.Url}: {response.StatusCode}");
            var doc = await Html.ParseAsync(response);
            var h1 = Assert.Single(doc.QuerySelectorAll("h1"));
            Assert.Equal(article.Title, h1.TextContent.Trim());
        }
    }

    [Fact]
    public async Task EveryInternalArticle_AnswersExactlyLikeAMissingPage()
    {
        // Arrange
        var client = factory.CreateClient();
        var missing = await client.GetAsync("/no/such/article-here");
        var missingBody = await missing.Content.ReadAsStringAsync();

        foreach (var article in Articles.Where(a => a.Internal))
        {
            // Act
            var response = await client.GetAsync(article.Url);
            var body = await response.Content.ReadAsStringAsync();

            // Assert
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(missingBody, body);
            Assert.Equal(HeaderNames(missing), HeaderNames(response));
            Assert.DoesNotContain(article.Title, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task HomeAndCategories_NeverMentionInternalArticles()
    {
        var client = factory.CreateClient();
        var pages = new List<string> { "/" };
        pages.AddRange(Directory.GetDirectories(RepoPaths.Content).Select(d => "/" + Path.GetFileName(d)));
        foreach (var url in pages)
        {
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            foreach (var article in Articles.Where(a => a.Internal))
            {
                Assert.DoesNotContain(article.Url + "\"", body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task CategoryWithOnlyInternalArticles_IsHidden()
    {
        var client = factory.CreateClient();
        var internalOnly = Directory.GetDirectories(RepoPaths.Content).Select(Path.GetFileName)
            .Where(name => Articles.Where(a => a.Path.StartsWith(name + "/", StringComparison.Ordinal)).All(a => a.Internal))
            .ToArray();

        Assert.NotEmpty(internalOnly);
        foreach (var name in internalOnly)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/" + name)).StatusCode);
            Assert.DoesNotContain("href=\"/" + name + "\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ArticlePage_HasBreadcrumbsTocAndRevalidatesWithETag()
    {
        // Arrange
        var client = factory.CreateClient();
        var article = Articles.First(a => !a.Internal);

        // Act
        var first = await client.GetAsync(article.Url);
        var request = new HttpRequestMessage(HttpMethod.Get, article.Url);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await client.SendAsync(request);

        // Assert
        Assert.NotNull(first.Headers.ETag);
        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Contains("must-revalidate", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var doc = await Html.ParseAsync(first);
        Assert.NotNull(doc.QuerySelector("nav a[href='/']"));
    }

    [Fact]
    public async Task Healthz_ForAnonymousCallers_CountsPublicArticlesAndListsNoProblems()
    {
        var response = await factory.CreateClient().GetAsync("/healthz");
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Articles.Count(a => !a.Internal), json.RootElement.GetProperty("articles").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.RootElement.GetProperty("problems").ValueKind);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/no-such-page")]
    [InlineData("/healthz")]
    public async Task EveryResponse_CarriesSecurityHeaders(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }

    private static string[] HeaderNames(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers).Select(h => h.Key).Where(k => k != "Date").Order(StringComparer.Ordinal).ToArray();
}
