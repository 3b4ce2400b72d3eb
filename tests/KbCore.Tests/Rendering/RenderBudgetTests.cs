using KbCore.Rendering;
using KbCore.Tests.Infrastructure;

namespace KbCore.Tests.Rendering;

/// <summary>A render that outlives its budget is abandoned for that blob, remembered and reported; the reader gets the text.</summary>
public sealed class RenderBudgetTests
{
    [Fact]
    public async Task Render_PastItsBudget_IsAbandoned_ReadersGetTheText_UntilItEnds()
    {
        // Within every limit, rendered on a worker thread (a few hundred milliseconds); a budget nothing can meet.
        var body = PathologicalMarkdown.Case("distinct-headings").Build(999) + PathologicalMarkdown.Case("long-list").Build(2_900);
        using var git = TempGitRepo.CreateBare();
        git.Commit(new Dictionary<string, string?> { ["a/long.md"] = "# Long\n\n" + body, ["a/short.md"] = "# Short\n\nHello.\n" });
        var store = TestContent.Store(git.Path);
        var renderer = new ArticleRenderer(new ArticleHtmlSanitizer(), TimeSpan.FromTicks(1));
        var article = store.Current.Articles["a/long"];

        var first = renderer.Render(article, store.Current.Links);
        var abandoned = Assert.Single(renderer.Abandoned);
        var other = renderer.Render(store.Current.Articles["a/short"], store.Current.Links);

        Assert.Contains("abandoned", first.Error, StringComparison.Ordinal);
        Assert.Contains("item 2899", Html.Parse(first.Html).QuerySelector("pre.kb-plain-text")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(("a/long.md", article.BlobSha), (abandoned.FilePath, abandoned.BlobSha));
        Assert.Null(other.Error);

        // The render runs on; once it ends, readers get it, and nothing is reported any more.
        for (var waited = 0; renderer.Abandoned.Count > 0 && waited < 300; waited++)
        {
            await Task.Delay(100);
        }

        Assert.Empty(renderer.Abandoned);
        var later = renderer.Render(article, store.Current.Links);
        Assert.Null(later.Error);
        Assert.Equal(999, Html.Parse(later.Html).QuerySelectorAll("h2").Length);
    }

    [Fact]
    public void Render_WithinTheDefaultBudget_IsTheRealRender()
    {
        var body = PathologicalMarkdown.Case("many-paragraphs").Build(3_000);

        var (result, dom, _) = ArticleRendering.Render(body);

        Assert.Null(result.Error);
        Assert.Equal(3_000, dom.QuerySelectorAll("p").Length);
    }
}
