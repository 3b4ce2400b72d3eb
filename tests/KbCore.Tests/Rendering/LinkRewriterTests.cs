using KbCore.Tests.Infrastructure;

namespace KbCore.Tests.Rendering;

/// <summary>Wiki links and relative links resolve against the articles, folders and assets of the commit.</summary>
public class LinkRewriterTests
{
    private static readonly Dictionary<string, string?> Targets = new(StringComparer.Ordinal)
    {
        ["guides/getting-started.md"] = "---\ntitle: Getting Started Guide\n---\nText.\n",
        ["billing/_index.md"] = "---\ntitle: Billing\n---\n",
        ["billing/invoices/create-an-invoice.md"] = "---\ntitle: Create an invoice\n---\n## Some heading\n\n![Screenshot](images/x.png)\n",
        ["billing/invoices/images/x.png"] = "png",
        ["other/article.md"] = "# Other article\n\n## Some heading\n",
        ["faq/how do I pay.md"] = "# How do I pay\n",
        ["faq/fees.md"] = "---\ntitle: Fees & <taxes>\n---\nText.\n",
        ["invoicing/auto-charge-recurring-invoices.md"] = "---\ntitle: Auto-charge recurring invoices\n---\nText.\n",
    };

    [Theory]
    [InlineData("[[Getting Started Guide]]", "/guides/getting-started", "Getting Started Guide")]
    [InlineData("[[getting started guide]]", "/guides/getting-started", "Getting Started Guide")]
    [InlineData("[[billing/invoices/create-an-invoice]]", "/billing/invoices/create-an-invoice", "Create an invoice")]
    [InlineData("[[/billing/invoices/create-an-invoice.md]]", "/billing/invoices/create-an-invoice", "Create an invoice")]
    [InlineData("[[Billing/Invoices/Create-An-Invoice]]", "/billing/invoices/create-an-invoice", "Create an invoice")]
    [InlineData("[[create-an-invoice]]", "/billing/invoices/create-an-invoice", "Create an invoice")]
    [InlineData("[[create-an-invoice|Make an invoice]]", "/billing/invoices/create-an-invoice", "Make an invoice")]
    [InlineData("[[ Create an invoice | Make one ]]", "/billing/invoices/create-an-invoice", "Make one")]
    [InlineData("[[create-an-invoice|]]", "/billing/invoices/create-an-invoice", "Create an invoice")]
    [InlineData("[[create-an-invoice#some-heading]]", "/billing/invoices/create-an-invoice#kb-some-heading", "Create an invoice")]
    [InlineData("[[how do I pay]]", "/faq/how%20do%20I%20pay", "How do I pay")]
    [InlineData("[[auto-charge-recurring-invoices]]", "/invoicing/auto-charge-recurring-invoices", "Auto-charge recurring invoices")]
    [InlineData("[[fees]]", "/faq/fees", "Fees & <taxes>")]
    public void Render_WikiLink_ResolvesToArticleUrl(string markdown, string href, string text)
    {
        // Act
        var (result, dom, _) = ArticleRendering.Render($"See {markdown} now.\n", otherFiles: Targets);

        // Assert: without text of its own, a link reads as its article's title (escaped like any text)
        var anchor = Assert.Single(dom.QuerySelectorAll("a"));
        Assert.Equal(href, anchor.GetAttribute("href"));
        Assert.Equal(text, anchor.TextContent);
        Assert.Empty(anchor.Children);
        Assert.DoesNotContain("kb-broken-link", anchor.ClassList);
        Assert.Empty(result.BrokenLinks);
    }

    [Fact]
    public void Render_WikiLinkToMissingArticle_MarkedBrokenWithFileLine()
    {
        // Arrange: front matter is lines 1-3, so the link on body line 4 is on file line 7.
        const string markdown = "Intro.\n\nSecond paragraph.\nSee [[Missing Page]] here.\n";

        // Act
        var (result, dom, _) = ArticleRendering.Render(markdown, otherFiles: Targets);

        // Assert
        var anchor = Assert.Single(dom.QuerySelectorAll("a"));
        Assert.Contains("kb-broken-link", anchor.ClassList);
        Assert.Equal("#", anchor.GetAttribute("href"));
        Assert.Equal("Missing Page", anchor.TextContent);
        Assert.Equal("This link is broken", anchor.GetAttribute("title"));
        var broken = Assert.Single(result.BrokenLinks);
        Assert.Equal("Missing Page", broken.Target);
        Assert.Equal(7, broken.Line);
    }

    [Fact]
    public void Render_PublicArticleLinkingToInternalOne_LinkIsBrokenAndPathHidden()
    {
        // Arrange
        var files = new Dictionary<string, string?>(Targets, StringComparer.Ordinal)
        {
            ["guides/hidden.md"] = "---\ntitle: Hidden runbook\nvisibility: internal\n---\nSecret.\n",
        };

        // Act
        var (result, dom, _) = ArticleRendering.Render("See [[Hidden runbook]], [it](hidden.md) and [[hidden]].\n", otherFiles: files);

        // Assert: broken, so the slug shows, never the internal article's title
        Assert.Equal(3, result.BrokenLinks.Count);
        Assert.Equal("hidden", dom.QuerySelectorAll("a")[2].TextContent);
        Assert.All(dom.QuerySelectorAll("a"), a => Assert.DoesNotContain("hidden", a.GetAttribute("href") ?? string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[x](../other/article.md#some-heading)", "/other/article#kb-some-heading")]
    [InlineData("[x](../other/article.md)", "/other/article")]
    [InlineData("[x](../other/article)", "/other/article")]
    [InlineData("[x](./getting-started.md)", "/guides/getting-started")]
    [InlineData("[x](getting-started.md?utm=1)", "/guides/getting-started")]
    [InlineData("[x](/billing/invoices/create-an-invoice.md)", "/billing/invoices/create-an-invoice")]
    [InlineData("[x](../billing/_index.md)", "/billing")]
    [InlineData("[x](../billing/_index.md#top)", "/billing#kb-top")]
    [InlineData("[x](../billing/)", "/billing")]
    [InlineData("[x](../billing/invoices/images/x.png)", "/billing/invoices/images/x.png")]
    [InlineData("[x](../faq/how%20do%20I%20pay.md)", "/faq/how%20do%20I%20pay")]
    [InlineData("[x](<../faq/how do I pay.md>)", "/faq/how%20do%20I%20pay")]
    [InlineData("[x](#local-part)", "#kb-local-part")]
    [InlineData("[x](https://example.com/docs/a.md)", "https://example.com/docs/a.md")]
    public void Render_RelativeLink_RewrittenToHelpCenterUrl(string markdown, string href)
    {
        // Act
        var (result, dom, _) = ArticleRendering.Render($"Go {markdown} there.\n", otherFiles: Targets);

        // Assert
        var anchor = Assert.Single(dom.QuerySelectorAll("a"));
        Assert.Equal(href, anchor.GetAttribute("href"));
        Assert.DoesNotContain("kb-broken-link", anchor.ClassList);
        Assert.Empty(result.BrokenLinks);
    }

    [Theory]
    [InlineData("[x](missing.md)", "missing.md")]
    [InlineData("[x](../other/missing.md#part)", "../other/missing.md#part")]
    [InlineData("[x](../../../../etc/passwd)", "../../../../etc/passwd")]
    [InlineData("[x](../../outside.md)", "../../outside.md")]
    [InlineData("[x](../nowhere/_index.md)", "../nowhere/_index.md")]
    [InlineData("[x](images/none.png)", "images/none.png")]
    [InlineData("[x](%E0%A4%A.md)", "%E0%A4%A.md")]
    public void Render_RelativeLinkToNothing_MarkedBroken(string markdown, string target)
    {
        // Arrange: the link is on body line 2, file line 5.
        var body = $"Intro.\nGo {markdown} there.\n";

        // Act
        var (result, dom, _) = ArticleRendering.Render(body, otherFiles: Targets);

        // Assert
        var anchor = Assert.Single(dom.QuerySelectorAll("a"));
        Assert.Contains("kb-broken-link", anchor.ClassList);
        var broken = Assert.Single(result.BrokenLinks);
        Assert.Equal(target, broken.Target);
        Assert.Equal(5, broken.Line);
    }

    [Fact]
    public void Render_ImageBesideArticle_PointsAtFolderUrl()
    {
        // Arrange
        var snapshot = TestContent.Snapshot(Targets);
        var renderer = new KbCore.Rendering.ArticleRenderer(new KbCore.Rendering.ArticleHtmlSanitizer());

        // Act
        var result = renderer.Render(snapshot.Articles["billing/invoices/create-an-invoice"], snapshot.Links);

        // Assert
        var img = Assert.Single(Html.Parse(result.Html).QuerySelectorAll("img"));
        Assert.Equal("/billing/invoices/images/x.png", img.GetAttribute("src"));
        Assert.Empty(result.BrokenLinks);
    }

    [Fact]
    public void Render_MissingImage_ReportedBroken()
    {
        // Act
        var (result, dom, _) = ArticleRendering.Render("![gone](images/gone.png)\n", otherFiles: Targets);

        // Assert
        Assert.Equal("images/gone.png", Assert.Single(result.BrokenLinks).Target);
        Assert.Contains("kb-broken-link", Assert.Single(dom.QuerySelectorAll("img")).ClassList);
    }

    [Fact]
    public void Render_WikiSyntaxInCodeOrUnclosed_IsNotALink()
    {
        // Arrange
        const string markdown = "Use `[[Getting Started Guide]]` to link.\n\n    [[Getting Started Guide]]\n\nAn [[unclosed link.\n\n[[]] and [[ | label]]\n";

        // Act
        var (result, dom, _) = ArticleRendering.Render(markdown, otherFiles: Targets);

        // Assert
        Assert.Empty(dom.QuerySelectorAll("a"));
        Assert.Empty(result.BrokenLinks);
        Assert.Contains("[[Getting Started Guide]]", dom.QuerySelector("p code")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SeveralBrokenLinks_EachReportedWithItsLine()
    {
        // Arrange: body lines 1, 3 and 5 are file lines 4, 6 and 8.
        const string markdown = "[[Nope one]]\n\n[x](nope.md)\n\n* item [[Nope two]]\n";

        // Act
        var (result, _, _) = ArticleRendering.Render(markdown, otherFiles: Targets);

        // Assert
        Assert.Equal([("Nope one", 4), ("nope.md", 6), ("Nope two", 8)], result.BrokenLinks.Select(b => (b.Target, b.Line)));
    }
}
