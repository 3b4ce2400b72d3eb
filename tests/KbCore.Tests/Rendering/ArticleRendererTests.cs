using KbCore.Rendering;
using KbCore.Tests.Infrastructure;

namespace KbCore.Tests.Rendering;

/// <summary>The markdown features authors rely on survive rendering and sanitizing.</summary>
public class ArticleRendererTests
{
    [Fact]
    public void Render_PipeTableWithAlignment_KeepsTableAndAlignmentStyle()
    {
        // Arrange
        const string markdown = "| Left | Center | Right |\n|:-----|:------:|------:|\n| a | b | c |\n";

        // Act
        var (_, dom, _) = ArticleRendering.Render(markdown);

        // Assert
        var headers = dom.QuerySelectorAll("table thead th").ToArray();
        Assert.Equal(["Left", "Center", "Right"], headers.Select(h => h.TextContent));
        Assert.Equal(["left", "center", "right"], headers.Select(h => TextAlign(h.GetAttribute("style"))));
        var cells = dom.QuerySelectorAll("table tbody td").ToArray();
        Assert.Equal(["a", "b", "c"], cells.Select(c => c.TextContent));
        Assert.Equal(["left", "center", "right"], cells.Select(c => TextAlign(c.GetAttribute("style"))));
        SafeHtml.AssertSafe(dom);
    }

    [Fact]
    public void Render_TaskList_InertBoxesThatScreenReadersReadAsCheckboxes()
    {
        // Arrange
        const string markdown = "- [ ] Open settings\n- [x] Save\n";

        // Act
        var (_, dom, _) = ArticleRendering.Render(markdown);

        // Assert: no form control in an article, but the same meaning for assistive technology.
        var items = dom.QuerySelectorAll("ul.contains-task-list > li.task-list-item").ToArray();
        Assert.Equal(2, items.Length);
        Assert.Empty(dom.QuerySelectorAll("input"));
        var boxes = items.Select(li => li.QuerySelector("span[role=checkbox]")!).ToArray();
        Assert.All(boxes, b => Assert.Equal("true", b.GetAttribute("aria-disabled")));
        Assert.Equal(["false", "true"], boxes.Select(b => b.GetAttribute("aria-checked")));
        Assert.Equal(["Not done", "Done"], boxes.Select(b => b.GetAttribute("aria-label")));
        Assert.Contains("Open settings", items[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Footnotes_IdsPrefixedAndLinksStillPointAtEachOther()
    {
        // Arrange
        const string markdown = "Refunds take five days.[^delay] Cards too.[^2]\n\n[^delay]: Banks may be slower.\n[^2]: Second note.\n";

        // Act
        var (_, dom, _) = ArticleRendering.Render(markdown);

        // Assert
        var fragmentLinks = dom.QuerySelectorAll("a[href^='#']").ToArray();
        Assert.Equal(4, fragmentLinks.Length);
        foreach (var link in fragmentLinks)
        {
            var id = link.GetAttribute("href")![1..];
            Assert.StartsWith("kb-", id, StringComparison.Ordinal);
            Assert.NotNull(dom.GetElementById(id));
        }

        var noteTarget = dom.GetElementById(dom.QuerySelector("a.footnote-ref")!.GetAttribute("href")![1..])!;
        Assert.Contains("Banks may be slower.", noteTarget.TextContent, StringComparison.Ordinal);
        SafeHtml.AssertSafe(dom);
    }

    [Theory]
    [InlineData("NOTE", "markdown-alert-note")]
    [InlineData("TIP", "markdown-alert-tip")]
    [InlineData("IMPORTANT", "markdown-alert-important")]
    [InlineData("WARNING", "markdown-alert-warning")]
    [InlineData("CAUTION", "markdown-alert-caution")]
    public void Render_Alert_BecomesClassedDiv(string kind, string cssClass)
    {
        // Arrange
        var markdown = $"> [!{kind}]\n> Back up your data first.\n";

        // Act
        var (_, dom, _) = ArticleRendering.Render(markdown);

        // Assert
        var alert = Assert.Single(dom.QuerySelectorAll("div.markdown-alert"));
        Assert.Contains(cssClass, alert.ClassList);
        Assert.Contains("Back up your data first.", alert.TextContent, StringComparison.Ordinal);
        Assert.Empty(dom.QuerySelectorAll("blockquote"));
        SafeHtml.AssertSafe(dom);
    }

    [Fact]
    public void Render_Headings_GetPrefixedIdsAndLevelTwoAndThreeAreListed()
    {
        // Arrange
        const string markdown = "Intro.\n\n## Getting started\n\n### Install the app\n\n#### Too deep\n\n## Getting started\n\n## What's *new*?\n";

        // Act
        var (result, dom, _) = ArticleRendering.Render(markdown);

        // Assert
        Assert.Equal(
            [(2, "kb-getting-started", "Getting started"), (3, "kb-install-the-app", "Install the app"), (2, "kb-getting-started-1", "Getting started"), (2, "kb-whats-new", "What's new?")],
            result.Headings.Select(h => (h.Level, h.Id, h.Text)));
        foreach (var heading in result.Headings)
        {
            var element = dom.GetElementById(heading.Id);
            Assert.NotNull(element);
            Assert.Equal("h" + heading.Level, element.LocalName);
        }

        Assert.Equal("kb-too-deep", dom.QuerySelector("h4")!.Id);
    }

    [Fact]
    public void Render_NonAsciiHeading_TocIdMatchesElementId()
    {
        // Arrange
        const string markdown = "## Café au lait\n\n## Überweisung prüfen\n";

        // Act
        var (result, dom, _) = ArticleRendering.Render(markdown);

        // Assert
        Assert.Equal(2, result.Headings.Count);
        Assert.All(result.Headings, h => Assert.NotNull(dom.GetElementById(h.Id)));
        Assert.Equal(["Café au lait", "Überweisung prüfen"], dom.QuerySelectorAll("h2").Select(h => h.TextContent));
    }

    [Fact]
    public void Render_LeadingH1EqualToTitle_IsDroppedAndOtherH1BecomesH2()
    {
        // Arrange
        const string markdown = "# test ARTICLE\n\nIntro.\n\n# Another top level\n\nText.\n";

        // Act
        var (result, dom, _) = ArticleRendering.Render(markdown, title: "Test article");

        // Assert
        Assert.Empty(dom.QuerySelectorAll("h1"));
        var h2 = Assert.Single(dom.QuerySelectorAll("h2"));
        Assert.Equal("Another top level", h2.TextContent);
        Assert.DoesNotContain("test ARTICLE", dom.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal([(2, "Another top level")], result.Headings.Select(h => (h.Level, h.Text)));
    }

    [Fact]
    public void Render_LeadingH1DifferentFromTitle_IsKeptAsH2()
    {
        // Arrange
        const string markdown = "# Something else\n\nIntro.\n";

        // Act
        var (_, dom, _) = ArticleRendering.Render(markdown, title: "Test article");

        // Assert
        Assert.Empty(dom.QuerySelectorAll("h1"));
        Assert.Equal("Something else", Assert.Single(dom.QuerySelectorAll("h2")).TextContent);
    }

    [Fact]
    public void Render_H1AfterIntroEqualToTitle_IsKeptAsH2()
    {
        // Arrange
        const string markdown = "Intro first.\n\n# Test article\n";

        // Act
        var (_, dom, _) = ArticleRendering.Render(markdown, title: "Test article");

        // Assert
        Assert.Equal("Test article", Assert.Single(dom.QuerySelectorAll("h2")).TextContent);
    }

    [Theory]
    [InlineData("[site](https://example.com/page?q=1#top)", "https://example.com/page?q=1#top", true)]
    [InlineData("[plain](http://example.com/)", "http://example.com/", true)]
    [InlineData("<https://auto.example/path>", "https://auto.example/path", true)]
    [InlineData("Visit https://bare.example/x today", "https://bare.example/x", true)]
    [InlineData("[mail](mailto:help@example.com)", "mailto:help@example.com", false)]
    public void Render_AllowedSchemes_LinkKept(string markdown, string href, bool external)
    {
        // Act
        var (result, dom, _) = ArticleRendering.Render(markdown + "\n");

        // Assert
        var anchor = Assert.Single(dom.QuerySelectorAll("a"));
        Assert.Equal(href, anchor.GetAttribute("href"));
        var rel = anchor.GetAttribute("rel")?.Split(' ') ?? [];
        Assert.Equal(external, rel.Contains("nofollow"));
        Assert.Equal(external, rel.Contains("noopener"));
        Assert.Empty(result.BrokenLinks);
    }

    [Fact]
    public void Render_RelativeImageBesideArticle_KeptWithHelpCenterUrl()
    {
        // Arrange
        var files = new Dictionary<string, string?> { ["guides/images/diagram.png"] = "png" };

        // Act
        var (result, dom, _) = ArticleRendering.Render("![A diagram](images/diagram.png)\n", otherFiles: files);

        // Assert
        var img = Assert.Single(dom.QuerySelectorAll("img"));
        Assert.Equal("/guides/images/diagram.png", img.GetAttribute("src"));
        Assert.Equal("A diagram", img.GetAttribute("alt"));
        Assert.Empty(result.BrokenLinks);
    }

    [Fact]
    public void Render_DocsImageDirectives_BecomeImagesWithTheirAltText()
    {
        // Arrange: Microsoft Docs markdown, as knowledge bases imported from it are written.
        var files = new Dictionary<string, string?> { ["guides/media/error.png"] = "png", ["guides/media/gear.png"] = "png" };
        const string markdown = """
            :::image type="content" source="./media/error.png" alt-text="Screenshot that shows the error." border="false":::

            Select the gear icon (:::image type="icon" source="media/gear.png":::) and then **Settings**.

            :::image type="content" source="media/missing.png" alt-text="A screenshot nobody added.":::

            Keep :::no-loc text="Contoso"::: as written. A :::zone pivot="x"::: stays as it is.

            :::image type="content" source="javascript:alert(1)" alt-text="hostile":::
            """;

        // Act
        var (result, dom, _) = ArticleRendering.Render(markdown, otherFiles: files);

        // Assert
        var images = dom.QuerySelectorAll("img");
        Assert.Equal(4, images.Length);
        Assert.Equal("/guides/media/error.png", images[0].GetAttribute("src"));
        Assert.Equal("Screenshot that shows the error.", images[0].GetAttribute("alt"));
        Assert.Equal("/guides/media/gear.png", images[1].GetAttribute("src"));
        Assert.Equal("P", images[1].ParentElement?.TagName);
        Assert.Contains(LinkRewriter.BrokenClass, images[2].ClassList);
        Assert.Equal("A screenshot nobody added.", images[2].GetAttribute("alt"));
        Assert.Equal("media/missing.png", Assert.Single(result.BrokenLinks).Target);
        var text = dom.Body!.TextContent;
        Assert.DoesNotContain("source=", text, StringComparison.Ordinal);
        Assert.Contains("Keep Contoso as written.", text, StringComparison.Ordinal);
        Assert.Contains(":::zone pivot=\"x\":::", text, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", images[3].GetAttribute("src") ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        SafeHtml.AssertSafe(dom);
    }

    [Fact]
    public void Render_CodeBlockWithHtml_ShownAsTextWithLanguageClass()
    {
        // Arrange
        const string markdown = "```html\n<script>alert(1)</script>\n```\n";

        // Act
        var (_, dom, _) = ArticleRendering.Render(markdown);

        // Assert
        var code = Assert.Single(dom.QuerySelectorAll("pre > code"));
        Assert.Equal("<script>alert(1)</script>\n", code.TextContent);
        Assert.Contains("language-html", code.ClassList);
        SafeHtml.AssertSafe(dom);
    }

    [Theory]
    [InlineData("```\"><img src=x onerror=alert(1)>\nx\n```\n")]
    [InlineData("```c#\\\"onmouseover=alert(1)\nx\n```\n")]
    [InlineData("``` language-x<b>\nx\n```\n")]
    [InlineData("```\"><script>alert(1)</script>\nx\n```\n")]
    [InlineData("```csharp\"><script>alert(1)</script>\nx\n```\n")]
    [InlineData("```csharp \"><script>alert(1)</script>\nx\n```\n")]
    public void Render_HostileFenceInfoString_NeverReachesTheClass(string markdown)
    {
        var (_, dom, _) = ArticleRendering.Render(markdown);

        var code = Assert.Single(dom.QuerySelectorAll("pre > code"));
        Assert.All(code.ClassList, c => Assert.Matches("^language-[A-Za-z0-9+#.-]{1,32}$", c));
        Assert.Equal("x\n", code.TextContent);
        SafeHtml.AssertSafe(dom);
    }

    [Theory]
    [InlineData("csharp", "language-csharp")]
    [InlineData("c#", "language-c#")]
    [InlineData("objective-c", "language-objective-c")]
    public void Render_PlainFenceLanguage_KeepsItsClass(string info, string expected)
    {
        var (_, dom, _) = ArticleRendering.Render($"```{info}\nx\n```\n");

        Assert.Contains(expected, Assert.Single(dom.QuerySelectorAll("pre > code")).ClassList);
    }

    [Fact]
    public void Render_SameArticleAndLinks_ReturnsCachedInstance()
    {
        // Arrange
        var snapshot = TestContent.Snapshot(new Dictionary<string, string?> { ["a/x.md"] = "# X\n\n[[Y]]\n" });
        var renderer = new ArticleRenderer(new ArticleHtmlSanitizer());
        var article = snapshot.Articles["a/x"];

        // Act
        var first = renderer.Render(article, snapshot.Links);
        var second = renderer.Render(article, snapshot.Links);

        // Assert
        Assert.Same(first, second);
    }

    [Fact]
    public void Render_NewCommitWithSameLinkTargets_ReturnsCachedInstance()
    {
        // Arrange
        using var git = TempGitRepo.CreateBare();
        git.Commit(new Dictionary<string, string?> { ["a/x.md"] = "# X\n\n[[Y]]\n", ["a/other.md"] = "# Other\n\nv1\n" });
        var store = TestContent.Store(git.Path);
        var renderer = new ArticleRenderer(new ArticleHtmlSanitizer());
        var before = store.Current;
        var first = renderer.Render(before.Articles["a/x"], before.Links);
        git.Commit(new Dictionary<string, string?> { ["a/other.md"] = "# Other\n\nv2\n" });
        store.Refresh();
        var after = store.Current;

        // Act
        var second = renderer.Render(after.Articles["a/x"], after.Links);

        // Assert
        Assert.NotSame(before, after);
        Assert.Equal(before.Links.Fingerprint, after.Links.Fingerprint);
        Assert.Same(first, second);
    }

    [Fact]
    public void Render_ArticleAddedInNewCommit_RendersAgainWithNewTargets()
    {
        // Arrange
        using var git = TempGitRepo.CreateBare();
        git.Commit(new Dictionary<string, string?> { ["a/x.md"] = "# X\n\nSee [[Y]].\n" });
        var store = TestContent.Store(git.Path);
        var renderer = new ArticleRenderer(new ArticleHtmlSanitizer());
        var before = store.Current;
        var first = renderer.Render(before.Articles["a/x"], before.Links);
        git.Commit(new Dictionary<string, string?> { ["a/y.md"] = "# Y\n" });
        store.Refresh();
        var after = store.Current;

        // Act
        var second = renderer.Render(after.Articles["a/x"], after.Links);

        // Assert
        Assert.Same(before.Articles["a/x"], after.Articles["a/x"]);
        Assert.NotEqual(before.Links.Fingerprint, after.Links.Fingerprint);
        Assert.NotSame(first, second);
        Assert.Single(first.BrokenLinks);
        Assert.Empty(second.BrokenLinks);
        Assert.Equal("/a/y", Html.Parse(second.Html).QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void Render_ParallelCallers_AllGetTheSameSafeResult()
    {
        // Arrange
        var snapshot = TestContent.Snapshot(new Dictionary<string, string?>
        {
            ["a/x.md"] = "# X\n\n## Part\n\n[[a/y]] <script>alert(1)</script>\n",
            ["a/y.md"] = "# Y\n",
        });
        var renderer = new ArticleRenderer(new ArticleHtmlSanitizer());
        var article = snapshot.Articles["a/x"];
        var results = new string[200];

        // Act
        Parallel.For(0, results.Length, i => results[i] = renderer.Render(article, snapshot.Links).Html);

        // Assert
        Assert.Single(results.Distinct(StringComparer.Ordinal));
        SafeHtml.AssertSafe(Html.Parse(results[0]));
    }

    private static string? TextAlign(string? style) =>
        style?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(':', 2))
            .Where(p => p[0].Trim() == "text-align")
            .Select(p => p[1].Trim())
            .SingleOrDefault();
}
