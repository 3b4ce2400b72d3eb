using System.Net;
using AngleSharp.Html.Dom;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.HelpCenter;

/// <summary>
/// Every template of both shipped themes, rendered by the real server from the sample content (real view
/// records), parsed as HTML: what each page must show survives the template engine.
/// </summary>
public sealed class ShippedThemeTests
{
    private static readonly SampleArticle Article = SampleArticle.ReadAll(RepoPaths.Content).First(a =>
        !a.Internal && a.Path.Count(c => c == '/') >= 2 && File.ReadAllText(Path.Combine(RepoPaths.Content, a.Path + ".md")).Contains("\n## ", StringComparison.Ordinal));

    [Theory]
    [InlineData("default")]
    [InlineData("midnight")]
    public async Task EveryTemplate_RendersItsPageFromTheSampleContent(string theme)
    {
        // Arrange
        using var factory = new KbServerFactory(RepoPaths.Content, new Dictionary<string, string?> { ["Themes:Active"] = theme });
        await factory.WaitForIndexAsync();
        var client = factory.CreateClient();
        var category = "/" + Article.Path.Split('/')[0];
        var section = "/" + string.Join('/', Article.Path.Split('/')[..2]);

        // Act
        var home = await PageAsync(client, "/");
        var categoryPage = await PageAsync(client, category);
        var sectionPage = await PageAsync(client, section);
        var article = await PageAsync(client, Article.Url);
        var search = await PageAsync(client, "/search?q=invoice");
        var contact = await PageAsync(client, "/contact");
        var missing = await client.GetAsync("/no/such/page");
        var error = await Html.ParseAsync(missing);

        // Assert: the layout around every page, with the theme's stylesheet.
        foreach (var page in new[] { home, categoryPage, sectionPage, article, search, contact, error })
        {
            Assert.NotNull(page.QuerySelector($"link[href^='/assets/{theme}/css/theme.css?v=']"));
            Assert.NotNull(page.QuerySelector("header.site-header a.brand"));
            Assert.NotNull(page.QuerySelector("footer.site-footer"));
            Assert.NotEmpty(page.QuerySelectorAll("nav.site-nav a.site-nav__link"));
        }

        Assert.NotNull(home.QuerySelector("form.search-box--hero[action='/search'] input[name=q]"));
        Assert.NotEmpty(home.QuerySelectorAll(theme == "midnight" ? "li.topic-list__item" : "li.category-card"));
        Assert.Equal(["Home"], categoryPage.QuerySelectorAll("nav.breadcrumbs a").Select(a => a.TextContent));
        Assert.NotEmpty(sectionPage.QuerySelectorAll("li.article-item a.article-item__link"));
        Assert.Equal(sectionPage.QuerySelector("h1")!.TextContent, sectionPage.QuerySelector("nav.breadcrumbs [aria-current=page]")!.TextContent);

        Assert.Equal(Article.Title, article.QuerySelector("h1.article__title")!.TextContent);
        Assert.StartsWith(Article.Title + " · ", article.Title, StringComparison.Ordinal);
        Assert.Equal(["/", category, section], article.QuerySelectorAll("nav.breadcrumbs a").Select(a => a.GetAttribute("href")));
        Assert.NotEmpty(article.QuerySelectorAll("div.article__body p"));
        Assert.NotEmpty(article.QuerySelectorAll("nav.toc a.toc__link[href^='#']"));
        Assert.NotNull(article.QuerySelector($"form input[name=path][value='{Article.Path}']"));

        Assert.NotEmpty(search.QuerySelectorAll("ol.search-results li.search-result a.search-result__title"));
        Assert.NotEmpty(search.QuerySelectorAll("ol.search-results mark"));
        Assert.EndsWith("found", search.QuerySelector("p.search-count")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(search.QuerySelectorAll("nav.search-facets .search-facets__group a.search-facets__value"));
        Assert.Equal("invoice", ((IHtmlInputElement)search.QuerySelector("#page-search-q")!).Value);

        var form = contact.QuerySelector("form.contact-form[action='/contact'][method=post]")!;
        Assert.NotNull(form.QuerySelector("input[name=subject]"));
        Assert.NotNull(form.QuerySelector("textarea[name=description]"));
        Assert.NotNull(form.QuerySelector("input[name=email][type=email]"));
        Assert.True(form.QuerySelectorAll("select[name=category] option").Length > 1);
        Assert.Contains(form.QuerySelectorAll("input[type=hidden]"), i => i.GetAttribute("name")!.Length > 0 && i.GetAttribute("value")!.Length > 0);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("Error 404", error.QuerySelector("p.error-page__status")!.TextContent);
        Assert.NotNull(error.QuerySelector("form.search-box[action='/search']"));
        Assert.NotEmpty(error.QuerySelectorAll("section.category-list a"));
    }

    private static async Task<IHtmlDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        return await Html.ParseAsync(response);
    }
}
