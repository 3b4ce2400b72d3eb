using KbCore.Tests.Infrastructure;
using KbCore.Themes;
using KbCore.Themes.Models;
using Microsoft.Extensions.Options;

namespace KbCore.Tests.Themes;

/// <summary>The helper tags and filters a theme gets beside standard Liquid, rendered from view records.</summary>
public sealed class ThemeHelperTests : IDisposable
{
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["default/partials/breadcrumbs.liquid"] = "<nav>{% for c in crumbs %}<a class=\"crumb\" href=\"{{ c.url }}\">{{ c.title }}</a>{% endfor %}<span class=\"current\">{{ current }}</span></nav>",
        ["default/partials/search-box.liquid"] = "<form class=\"search search--{{ variant }}\"><input name=\"q\" value=\"{{ query }}\"></form>",
        ["default/partials/vote-widget.liquid"] = "<form class=\"vote\" data-path=\"{{ path }}\"></form>",
        ["default/partials/related-articles.liquid"] = "<ul class=\"related\">{% for a in articles %}<li>{{ a | link_to_article: 'related__link' }}</li>{% endfor %}</ul><h2>{{ heading }}</h2>",
        ["default/templates/article.liquid"] = "{% breadcrumbs %}{% search_form variant: 'compact', query: page.title %}{% vote_widget %}{% related_articles heading: 'See also' %}",
        ["default/templates/override.liquid"] = "{% breadcrumbs crumbs: page.tags, current: 'Here' %}",
        ["default/templates/positional.liquid"] = "<p>fine</p>\n{% search_form 'hero' %}\n",
        ["default/templates/link.liquid"] = "{{ page | link_to_article }}|{{ page | link_to_article: 'x\" onclick=\"y' }}",
        ["mine/partials/vote-widget.liquid"] = "<p class=\"my-vote\">{{ path }}</p>",
    };

    private readonly TempDirectory _dir = new TempDirectory("kbthemes").WriteFiles(Files);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void HelperTags_RenderTheirPartials_WithArgumentsFromThePage()
    {
        // Arrange
        var renderer = Renderer("default");
        var page = Article(
            breadcrumbs: [new LinkView("Billing", "/billing"), new LinkView("Refunds & <returns>", "/billing/refunds")],
            related: [Summary("Cancel a plan <now>", "/billing/cancel")]);

        // Act
        var dom = Html.Parse(renderer.Render("article", page, Site(), "t", string.Empty));

        // Assert
        Assert.Equal(["Billing", "Refunds & <returns>"], dom.QuerySelectorAll("a.crumb").Select(a => a.TextContent));
        Assert.Equal("/billing/refunds", dom.QuerySelectorAll("a.crumb")[1].GetAttribute("href"));
        Assert.Equal("search search--compact", dom.QuerySelector("form.search")!.ClassName);
        Assert.Equal(page.Title, dom.QuerySelector("input[name=q]")!.GetAttribute("value"));
        Assert.Equal("billing/refunds", dom.QuerySelector("form.vote")!.GetAttribute("data-path"));
        var related = dom.QuerySelector("ul.related a.related__link")!;
        Assert.Equal(("Cancel a plan <now>", "/billing/cancel"), (related.TextContent, related.GetAttribute("href")));
        Assert.Equal("See also", dom.QuerySelector("h2")!.TextContent);
    }

    [Fact]
    public void HelperTag_NamedArgument_WinsOverTheDefault()
    {
        var renderer = Renderer("default");

        var dom = Html.Parse(renderer.Render("override", Article(breadcrumbs: [new LinkView("Billing", "/billing")]), Site(), "t", string.Empty));

        Assert.Empty(dom.QuerySelectorAll("a.crumb"));
        Assert.Equal("Here", dom.QuerySelector("span.current")!.TextContent);
    }

    [Fact]
    public void HelperTag_UsesTheThemesOwnPartial_WhenItHasOne()
    {
        var renderer = Renderer("mine");

        var dom = Html.Parse(renderer.Render("article", Article(), Site(), "t", string.Empty));

        Assert.Equal("billing/refunds", dom.QuerySelector("p.my-vote")!.TextContent);
        Assert.Null(dom.QuerySelector("form.vote"));
        Assert.NotNull(dom.QuerySelector("form.search"));
    }

    [Fact]
    public void HelperTag_PositionalArgument_IsASyntaxErrorNamingFileAndLine()
    {
        var renderer = Renderer("default");

        var e = Assert.Throws<ThemeException>(() => renderer.Render("positional", Article(), Site(), "t", string.Empty));

        Assert.Equal("default/templates/positional.liquid", e.Template);
        Assert.Equal(2, e.Line);
        Assert.Contains("named arguments", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LinkToArticle_EncodesTitleUrlAndClass()
    {
        var renderer = Renderer("default");

        var html = renderer.Render("link", Article(title: "Fees <b>& taxes</b>"), Site(), "t", string.Empty);

        var links = Html.Parse(html).QuerySelectorAll("a");
        Assert.Equal(2, links.Length);
        Assert.All(links, a => Assert.Equal("Fees <b>& taxes</b>", a.TextContent));
        Assert.All(links, a => Assert.Equal("/a/b", a.GetAttribute("href")));
        Assert.Equal("x\" onclick=\"y", links[1].GetAttribute("class"));
        Assert.False(links[1].HasAttribute("onclick"));
    }

    private ThemeRenderer Renderer(string active) =>
        new(Options.Create(new ThemeOptions { Directory = _dir.Path, Active = active }));

    private static SiteView Site() => new("Help Center", "Answers", "/assets/default", [], "abc1234", 2026);

    private static ArticleSummaryView Summary(string title, string url) => new(title, url, "summary", "2026-03-12", "12 Mar 2026", "Billing");

    private static ArticleView Article(
        string title = "Refund a payment",
        IReadOnlyList<LinkView>? breadcrumbs = null,
        IReadOnlyList<ArticleSummaryView>? related = null) =>
        new(title, "Summary", "/a/b", new RawHtml("<p>Body</p>"), [], breadcrumbs ?? [], [], "2026-03-12", "12 Mar 2026", [], related ?? [], false, "billing/refunds");
}
