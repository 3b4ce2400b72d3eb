using System.Net;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.HelpCenter;

/// <summary>Every public page of the sample help center tells search engines and link previews what it is.</summary>
public sealed class SeoTagsTests(SampleServerFactory factory) : IClassFixture<SampleServerFactory>
{
    private const string Article = "/getting-started/first-steps/tour-the-dashboard";

    [Theory]
    [InlineData("/", "website")]
    [InlineData("/getting-started", "website")]
    [InlineData("/getting-started/first-steps", "website")]
    [InlineData(Article, "article")]
    public async Task PublicPage_HasAbsoluteCanonical_OpenGraph_AndTwitterCard(string path, string type)
    {
        // Act
        var doc = await Html.ParseAsync(await factory.CreateClient().GetAsync(path + "?utm_source=mail"));

        // Assert
        var canonical = "http://localhost" + path;
        Assert.Equal(canonical, PageMeta.Canonical(doc));
        Assert.Equal(canonical, PageMeta.Meta(doc, "og:url"));
        Assert.Equal(type, PageMeta.Meta(doc, "og:type"));
        Assert.Equal("Ledgerly Help Center", PageMeta.Meta(doc, "og:site_name"));
        Assert.False(string.IsNullOrWhiteSpace(PageMeta.Meta(doc, "og:title")));
        Assert.False(string.IsNullOrWhiteSpace(PageMeta.Meta(doc, "og:description")));
        Assert.StartsWith("summary", PageMeta.Meta(doc, "twitter:card"), StringComparison.Ordinal);
        Assert.Null(PageMeta.Meta(doc, "robots"));
    }

    [Fact]
    public async Task Article_DescribesItselfWithItsSummary_FirstImage_AndArticleAndBreadcrumbData()
    {
        // Act
        var doc = await Html.ParseAsync(await factory.CreateClient().GetAsync(Article));

        // Assert
        Assert.Equal("Tour the Ledgerly dashboard", PageMeta.Meta(doc, "og:title"));
        Assert.Equal("Learn what each card, menu and button on the dashboard does so you can find anything in two clicks.", PageMeta.Meta(doc, "og:description"));
        var image = PageMeta.Meta(doc, "og:image");
        Assert.StartsWith("http://localhost/getting-started/first-steps/", image, StringComparison.Ordinal);
        Assert.EndsWith("dashboard-overview.png", image, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(new Uri(image!).PathAndQuery)).StatusCode);
        Assert.Equal("summary_large_image", PageMeta.Meta(doc, "twitter:card"));

        var data = PageMeta.JsonLd(doc, "Article");
        Assert.Equal("https://schema.org", data.GetProperty("@context").GetString());
        Assert.Equal("Tour the Ledgerly dashboard", data.GetProperty("headline").GetString());
        Assert.Equal("http://localhost" + Article, data.GetProperty("url").GetString());
        Assert.Equal("http://localhost" + Article, data.GetProperty("mainEntityOfPage").GetProperty("@id").GetString());
        Assert.True(data.GetProperty("datePublished").TryGetDateTimeOffset(out _));
        Assert.True(data.GetProperty("dateModified").TryGetDateTimeOffset(out _));
        Assert.Equal(image, data.GetProperty("image").GetString());

        var crumbs = PageMeta.JsonLd(doc, "BreadcrumbList").GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4], crumbs.Select(c => c.GetProperty("position").GetInt32()));
        Assert.Equal(["Home", "Getting started", "First steps", "Tour the Ledgerly dashboard"], crumbs.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("http://localhost/getting-started", crumbs[1].GetProperty("item").GetString());
        Assert.DoesNotContain(PageMeta.JsonLd(doc), d => d.GetProperty("@type").GetString() == "FAQPage");
    }

    [Fact]
    public async Task CategoryAndSection_HaveBreadcrumbData_EndingWithThemselves()
    {
        // Act
        var section = await Html.ParseAsync(await factory.CreateClient().GetAsync("/getting-started/first-steps"));

        // Assert
        var crumbs = PageMeta.JsonLd(section, "BreadcrumbList").GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], crumbs.Select(c => c.GetProperty("position").GetInt32()));
        Assert.Equal("http://localhost/getting-started/first-steps", crumbs[^1].GetProperty("item").GetString());
    }

    [Fact]
    public async Task SearchPage_IsNoIndexFollow_WithoutCanonical_AndErrorPageIsNoIndex()
    {
        // Act
        var search = await Html.ParseAsync(await factory.CreateClient().GetAsync("/search?q=invoice"));
        var missing = await factory.CreateClient().GetAsync("/no/such/page");
        var error = await Html.ParseAsync(missing);

        // Assert
        Assert.Equal("noindex, follow", PageMeta.Meta(search, "robots"));
        Assert.Null(PageMeta.Canonical(search));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("noindex", PageMeta.Meta(error, "robots"));
        Assert.Null(PageMeta.Canonical(error));
        Assert.Null(PageMeta.Meta(error, "og:title"));
        Assert.Empty(PageMeta.JsonLd(error));
    }

    [Fact]
    public async Task Home_DescribesTheSiteAndItsSearch()
    {
        // Act
        var doc = await Html.ParseAsync(await factory.CreateClient().GetAsync("/"));

        // Assert
        var site = PageMeta.JsonLd(doc, "WebSite");
        Assert.Equal("http://localhost/", site.GetProperty("url").GetString());
        Assert.Equal("http://localhost/search?q={search_term_string}", site.GetProperty("potentialAction").GetProperty("target").GetString());
    }

    [Fact]
    public async Task MidnightTheme_WritesTheSameHead()
    {
        // Arrange
        using var midnight = new KbServerFactory(RepoPaths.Content, new Dictionary<string, string?> { ["Themes:Active"] = "midnight" });

        // Act
        var home = await Html.ParseAsync(await midnight.CreateClient().GetAsync("/"));
        var article = await Html.ParseAsync(await midnight.CreateClient().GetAsync(Article));

        // Assert
        Assert.Equal("http://localhost/", PageMeta.Canonical(home));
        Assert.Equal("http://localhost" + Article, PageMeta.Canonical(article));
        Assert.Equal("article", PageMeta.Meta(article, "og:type"));
        Assert.NotEmpty(PageMeta.JsonLd(article));
    }
}
