using AngleSharp.Html.Dom;
using KbCore.Content;
using KbCore.Rendering;

namespace KbCore.Tests.Infrastructure;

/// <summary>Renders markdown the way the help center does: committed to a real repository, loaded, rendered, parsed.</summary>
public static class ArticleRendering
{
    public const string ArticlePath = "guides/test";

    /// <summary>
    /// Commits <paramref name="markdown"/> as <c>guides/test.md</c> with a front matter title (so the body
    /// starts on file line 4) next to <paramref name="otherFiles"/>, and renders it.
    /// </summary>
    public static (RenderedArticle Result, IHtmlDocument Dom, ContentSnapshot Snapshot) Render(
        string markdown,
        string title = "Test article",
        IReadOnlyDictionary<string, string?>? otherFiles = null)
    {
        var files = new Dictionary<string, string?>(otherFiles ?? new Dictionary<string, string?>(), StringComparer.Ordinal)
        {
            [ArticlePath + ".md"] = $"---\ntitle: {title}\n---\n{markdown}",
        };
        var snapshot = TestContent.Snapshot(files);
        var result = new ArticleRenderer(new ArticleHtmlSanitizer()).Render(snapshot.Articles[ArticlePath], snapshot.Links);
        return (result, Html.Parse(result.Html), snapshot);
    }
}
