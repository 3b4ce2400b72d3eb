using KbCore.Tests.Infrastructure;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace KbCore.Tests.Rendering;

/// <summary>Heading ids, table-of-contents entries and <c>#</c> links always agree, whatever the script.</summary>
public sealed class AnchorTests
{
    [Fact]
    public void Render_NonAsciiAnchorLink_PointsAtTheHeadingId()
    {
        // Act
        var (result, dom, _) = ArticleRendering.Render("## Über uns\n\nSee [above](#über-uns).\n");

        // Assert
        var id = dom.QuerySelector("h2")!.Id;
        Assert.Equal("kb-über-uns", id);
        Assert.Equal("#" + id, dom.QuerySelector("p a")!.GetAttribute("href"));
        Assert.Equal(id, Assert.Single(result.Headings).Id);
    }

    [Fact]
    public void Render_RepeatedHeadings_GetTheSuffixesGitHubGives()
    {
        // "A-1" written by the author takes the id a repeat of "A" would have had, so that repeat moves on.
        var (_, dom, _) = ArticleRendering.Render("## A\n\n## A\n\n## A-1\n\n## A\n\n## !!!\n\n## !!!\n");

        Assert.Equal(["kb-a", "kb-a-1", "kb-a-1-1", "kb-a-2", "kb-section", "kb-section-1"], dom.QuerySelectorAll("h2").Select(h => h.Id));
    }

    [Fact]
    public void Parse_TwentyThousandIdenticalHeadings_IsLinear()
    {
        // Markdig's own de-duplication counted up from -1 for every repeat: about 30 s for this on the benchmark machine.
        var markdown = string.Concat(Enumerable.Repeat("## Same\n\n", 20_000));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var document = Markdig.Markdown.Parse(markdown, KbCore.Rendering.KbMarkdownPipeline.Instance);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"{watch.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal("same-19999", document.Descendants<HeadingBlock>().Last().GetAttributes().Id);
    }

    [Fact]
    public void Build_ArticleAtAReservedPath_IsReported()
    {
        var snapshot = TestContent.Snapshot(new Dictionary<string, string?> { ["search.md"] = "# Search tips\n", ["api/keys.md"] = "# Keys\n" });

        Assert.Contains(snapshot.Problems, p => p.File == "search.md" && p.Message.Contains("reserved", StringComparison.Ordinal));
        Assert.Contains(snapshot.Problems, p => p.File == "api/keys.md" && p.Message.Contains("reserved", StringComparison.Ordinal));
    }
}
