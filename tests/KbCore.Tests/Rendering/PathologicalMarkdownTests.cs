using KbCore.Search;
using KbCore.Tests.Infrastructure;

namespace KbCore.Tests.Rendering;

/// <summary>Markdown built to break the renderer: one such article renders as a notice, never a server error.</summary>
public sealed class PathologicalMarkdownTests
{
    public static TheoryData<string, string> Inputs => new()
    {
        { "nested emphasis", string.Concat(Enumerable.Repeat("*a ", 20_000)) + "x" + string.Concat(Enumerable.Repeat(" a*", 20_000)) },
        { "nested strong", new string('*', 20_000) + "x" + new string('*', 20_000) },
        { "nested links", string.Concat(Enumerable.Repeat("[", 20_000)) + "x" + string.Concat(Enumerable.Repeat("](y)", 20_000)) },
        { "nested quotes", new string('>', 20_000) + " x" },
        { "nested lists", string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i * 2) + "- x\n")) },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void DeepNesting_RendersAndIndexes_WithoutThrowing(string name, string markdown)
    {
        var (result, dom, snapshot) = ArticleRendering.Render(markdown);
        var indexed = SearchDocumentMapper.Map(snapshot.Articles[ArticleRendering.ArticlePath]);

        // Either the article shows, or the page says it cannot be shown and why; its title stays searchable.
        Assert.True(result.Error is not null ? dom.QuerySelector(".kb-render-error") is not null : dom.Body!.TextContent.Contains('x', StringComparison.Ordinal), name);
        Assert.Equal("Test article", indexed.Get("title", System.Globalization.CultureInfo.InvariantCulture));
    }
}
