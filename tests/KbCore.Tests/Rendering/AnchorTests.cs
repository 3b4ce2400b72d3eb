using KbCore.Tests.Infrastructure;

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
    public void Build_ArticleAtAReservedPath_IsReported()
    {
        var snapshot = TestContent.Snapshot(new Dictionary<string, string?> { ["search.md"] = "# Search tips\n", ["api/keys.md"] = "# Keys\n" });

        Assert.Contains(snapshot.Problems, p => p.File == "search.md" && p.Message.Contains("reserved", StringComparison.Ordinal));
        Assert.Contains(snapshot.Problems, p => p.File == "api/keys.md" && p.Message.Contains("reserved", StringComparison.Ordinal));
    }
}
