using KbCore.Rendering;
using KbCore.Tests.Infrastructure;

namespace KbCore.Tests.Rendering;

/// <summary>A render that outlives its budget is abandoned for that blob, remembered and reported; the reader gets the text.</summary>
public sealed class RenderBudgetTests
{
    [Fact]
    public void Render_PastItsBudget_IsAbandonedAndRemembered_UntilTheArticleChanges()
    {
        // Within every limit, and long enough to render on a worker thread; a budget nothing can meet.
        var body = PathologicalMarkdown.Case("many-paragraphs").Build(3_000);
        using var git = TempGitRepo.CreateBare();
        git.Commit(new Dictionary<string, string?> { ["a/long.md"] = "# Long\n\n" + body, ["a/short.md"] = "# Short\n\nHello.\n" });
        var store = TestContent.Store(git.Path);
        var renderer = new ArticleRenderer(new ArticleHtmlSanitizer(), TimeSpan.FromTicks(1));
        var article = store.Current.Articles["a/long"];

        var first = renderer.Render(article, store.Current.Links);
        var again = renderer.Render(article, store.Current.Links);
        var other = renderer.Render(store.Current.Articles["a/short"], store.Current.Links);

        Assert.Contains("abandoned", first.Error, StringComparison.Ordinal);
        Assert.Contains("Paragraph 2999.", Html.Parse(first.Html).QuerySelector("pre.kb-plain-text")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(first.Error, again.Error);
        var abandoned = Assert.Single(renderer.Abandoned);
        Assert.Equal(("a/long.md", article.BlobSha), (abandoned.FilePath, abandoned.BlobSha));
        Assert.Null(other.Error);

        git.Commit(new Dictionary<string, string?> { ["a/long.md"] = "# Long\n\nNow short.\n" });
        store.Refresh();
        Assert.Null(renderer.Render(store.Current.Articles["a/long"], store.Current.Links).Error);
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
