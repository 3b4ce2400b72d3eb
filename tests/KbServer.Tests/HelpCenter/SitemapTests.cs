using System.Net;
using System.Xml.Linq;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.HelpCenter;

/// <summary>/sitemap.xml lists what visitors may read, dated by git, and splits into an index when it grows large.</summary>
public sealed class SitemapTests(SampleServerFactory factory) : IClassFixture<SampleServerFactory>
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task Sitemap_ListsPublicArticlesCategoriesAndSectionsWithLastmod_AndNoInternalOne()
    {
        // Arrange
        var client = factory.CreateClient();
        var articles = SampleArticle.ReadAll(RepoPaths.Content);

        // Act
        var response = await client.GetAsync("/sitemap.xml");
        var urls = await UrlsAsync(response);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var root = new Uri(client.BaseAddress!, "/").ToString();
        Assert.Contains(root, urls.Keys);
        Assert.Contains(root + "getting-started", urls.Keys);
        Assert.Contains(root + "getting-started/first-steps", urls.Keys);
        Assert.All(articles.Where(a => !a.Internal), a => Assert.Contains(root + a.Path, urls.Keys));
        Assert.All(articles.Where(a => a.Internal), a => Assert.DoesNotContain(root + a.Path, urls.Keys));
        Assert.DoesNotContain(root + "support-team", urls.Keys);
        Assert.All(urls.Values, lastmod => Assert.True(DateTimeOffset.TryParse(lastmod, out var when) && when.Year > 2000, lastmod));
        Assert.Equal(articles.Count(a => !a.Internal), urls.Keys.Count(u => articles.Any(a => root + a.Path == u)));
    }

    [Fact]
    public async Task Sitemap_HasAnETag_AndAnswers304ToIt()
    {
        // Arrange
        var client = factory.CreateClient();
        var first = await client.GetAsync("/sitemap.xml");

        // Act
        var again = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/sitemap.xml") { Headers = { IfNoneMatch = { first.Headers.ETag! } } });

        // Assert
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Contains("must-revalidate", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sitemap-1.xml")).StatusCode);
    }

    [Fact]
    public async Task ManyUrls_BecomeAnIndexOfNumberedSitemaps_ThatTogetherListEveryUrl()
    {
        // Arrange: five URLs (home, folder, three articles), two per file.
        using var seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
        {
            ["guides/_index.md"] = "---\ntitle: Guides\n---\n",
            ["guides/a.md"] = "---\ntitle: A & B\n---\nA.\n",
            ["guides/b.md"] = "---\ntitle: B\n---\nB.\n",
            ["guides/c.md"] = "---\ntitle: C\n---\nC.\n",
            ["guides/hidden.md"] = "---\ntitle: Hidden\nvisibility: internal\n---\nSecret.\n",
        });
        using var server = new KbServerFactory(seed.Path, new Dictionary<string, string?> { ["HelpCenter:SitemapUrlsPerFile"] = "2" });
        var client = server.CreateClient();

        // Act
        var index = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var parts = index.Root!.Elements(Ns + "sitemap").Select(s => s.Element(Ns + "loc")!.Value).ToList();
        var listed = new List<string>();
        foreach (var part in parts)
        {
            var urls = await UrlsAsync(await client.GetAsync(new Uri(part).PathAndQuery));
            Assert.InRange(urls.Count, 1, 2);
            listed.AddRange(urls.Keys);
        }

        // Assert
        Assert.Equal("sitemapindex", index.Root.Name.LocalName);
        Assert.Equal(["/sitemap-1.xml", "/sitemap-2.xml", "/sitemap-3.xml"], parts.Select(p => new Uri(p).AbsolutePath));
        Assert.All(index.Root.Elements(Ns + "sitemap"), s => Assert.NotNull(s.Element(Ns + "lastmod")));
        Assert.Equal(["/", "/guides", "/guides/a", "/guides/b", "/guides/c"], listed.Select(u => new Uri(u).AbsolutePath).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sitemap-4.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sitemap-0.xml")).StatusCode);
    }

    /// <summary>loc → lastmod of a urlset.</summary>
    private static async Task<Dictionary<string, string>> UrlsAsync(HttpResponseMessage response)
    {
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("urlset", xml.Root!.Name.LocalName);
        return xml.Root.Elements(Ns + "url").ToDictionary(u => u.Element(Ns + "loc")!.Value, u => u.Element(Ns + "lastmod")?.Value ?? string.Empty);
    }
}
