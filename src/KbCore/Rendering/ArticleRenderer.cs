using System.Collections.Concurrent;
using KbCore.Articles;
using KbCore.Content;
using KbCore.Themes.Models;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace KbCore.Rendering;

/// <summary>
/// Markdown to safe HTML, once per (blob, path, link targets): blobs are content-addressed, so a cached
/// render is only stale when the set of link targets changes, which is part of the key.
/// Thread-safe.
/// </summary>
public sealed class ArticleRenderer(ArticleHtmlSanitizer sanitizer)
{
    private const int MaxCachedRenders = 20_000;

    private const string UnrenderableNotice = "<p class=\"kb-render-error\">This article could not be displayed.</p>";

    private readonly ConcurrentDictionary<(string Blob, string Path, string Links), RenderedArticle> _cache = new();

    public RenderedArticle Render(Article article, LinkIndex links)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(links);
        var key = (article.BlobSha, article.Path, links.Fingerprint);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (_cache.Count >= MaxCachedRenders)
        {
            _cache.Clear(); // cheap bound; renders are fast to redo and the working set is far smaller
        }

        return _cache.GetOrAdd(key, _ => RenderUncached(article, links));
    }

    /// <summary>An unsaved text (the editor's preview): same pipeline, never cached, since it changes per keystroke.</summary>
    public RenderedArticle RenderPreview(Article article, LinkIndex links)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(links);
        return RenderUncached(article, links);
    }

    private RenderedArticle RenderUncached(Article article, LinkIndex links)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(article.Body, KbMarkdownPipeline.Instance);
        }
        catch (ArgumentException e)
        {
            // Markdig refuses pathological nesting (thousands of `>`): one bad article must not be a 500.
            return new RenderedArticle(UnrenderableNotice, [], [], e.Message);
        }

        NormalizeHeadings(document, article.Title);
        var broken = LinkRewriter.Rewrite(document, article, links, article.BodyLine);
        var headings = CollectHeadings(document);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        KbMarkdownPipeline.Instance.Setup(renderer);
        try
        {
            renderer.Render(document);
        }
        catch (ArgumentException e)
        {
            // Markdig parses some nesting it then refuses to render (thousands of `*`): the same notice, not a 500.
            return new RenderedArticle(UnrenderableNotice, [], [], e.Message);
        }

        writer.Flush();
        return new RenderedArticle(sanitizer.Sanitize(writer.ToString()), headings, broken);
    }

    /// <summary>
    /// The page shows the title as its only h1: a leading h1 repeating it is dropped and any other h1 becomes an h2.
    /// </summary>
    private static void NormalizeHeadings(MarkdownDocument document, string title)
    {
        if (document.Count > 0 && document[0] is HeadingBlock { Level: 1 } first
            && string.Equals(HeadingText.Of(first), title, StringComparison.OrdinalIgnoreCase))
        {
            document.RemoveAt(0);
        }

        foreach (var heading in document.Descendants<HeadingBlock>().Where(h => h.Level == 1))
        {
            heading.Level = 2;
        }
    }

    private static List<HeadingView> CollectHeadings(MarkdownDocument document) =>
        document.Descendants<HeadingBlock>()
            .Where(h => h.Level is 2 or 3 && h.GetAttributes().Id is { Length: > 0 })
            .Select(h => new HeadingView(h.Level, HelpCenterUrls.Id(h.GetAttributes().Id!), HeadingText.Of(h)))
            .ToList();
}
