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
/// One article can never hold the server: markdown past <see cref="ArticleLimits"/> is shown as escaped text, and a
/// render that outlives its budget is abandoned for that blob (readers get the text) until it ends.
/// Thread-safe; renders of different articles never wait for each other.
/// </summary>
/// <param name="budget">How long a request waits for one render (default <see cref="DefaultBudget"/>).</param>
public sealed class ArticleRenderer(ArticleHtmlSanitizer sanitizer, TimeSpan? budget = null)
{
    /// <summary>Ten times what the slowest article within the limits takes on a small server.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(2);

    private const int MaxCachedRenders = 20_000;

    // Within the limits, a body this short renders in milliseconds whatever its shape: no need for another thread.
    private const int InlineRenderChars = 16 * 1024;

    private const string UnrenderableNotice = "<p class=\"kb-render-error\">This article could not be displayed.</p>";

    private readonly ConcurrentDictionary<(string Blob, string Path, string Links), RenderedArticle> _cache = new();
    private readonly ConcurrentDictionary<(string Blob, string Path, string Links), Lazy<Task<RenderedArticle>>> _inFlight = new();
    private readonly ConcurrentDictionary<string, AbandonedRender> _abandoned = new(StringComparer.Ordinal);
    private readonly TimeSpan _budget = budget ?? DefaultBudget;

    /// <summary>Articles whose render outlived the budget and is still running: shown as text until it ends.</summary>
    public IReadOnlyCollection<AbandonedRender> Abandoned => [.. _abandoned.Values];

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

        if (_abandoned.TryGetValue(article.BlobSha, out var abandoned))
        {
            return PlainText(article, abandoned.Reason);
        }

        if (article.Body.Length < InlineRenderChars)
        {
            return _cache.GetOrAdd(key, RenderUncached(article, links));
        }

        // Readers of the same article share one render; readers of others never wait for it.
        var render = _inFlight.GetOrAdd(key, k => new Lazy<Task<RenderedArticle>>(() => StartRender(k, article, links))).Value;
        if (Task.WaitAny([render], _budget) < 0)
        {
            // Markdig cannot be interrupted: the render runs on, nobody waits for it and nobody starts another for
            // this blob. If it finishes after all, later readers get it.
            var reason = $"rendering took longer than {_budget.TotalSeconds:0.#} s and was abandoned; shown as plain text";
            _abandoned.TryAdd(article.BlobSha, new AbandonedRender(article.Path, article.FilePath, article.BlobSha, reason));
            if (render.IsCompleted)
            {
                // It ended between the wait and the line above, after its continuation cleared the entry.
                _abandoned.TryRemove(article.BlobSha, out _);
            }

            return PlainText(article, reason);
        }

        return render.GetAwaiter().GetResult();
    }

    /// <summary>A render on its own thread, not the pool's: a busy pool must not make a quick render look slow.</summary>
    private Task<RenderedArticle> StartRender((string Blob, string Path, string Links) key, Article article, LinkIndex links)
    {
        var render = Task.Factory.StartNew(() => RenderUncached(article, links), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        render.ContinueWith(
            finished =>
            {
                if (finished.IsCompletedSuccessfully)
                {
                    _cache.TryAdd(key, finished.Result);
                }

                _inFlight.TryRemove(key, out _);
                _abandoned.TryRemove(article.BlobSha, out _);
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return render;
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
        if (ArticleLimits.Check(article.Body, article.BodyLine) is { } tooComplex)
        {
            return PlainText(article, tooComplex.Message);
        }

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
    /// What readers get instead of a render: the markdown itself, escaped, under a notice. The reason is for authors
    /// (<c>check</c>, <c>/healthz</c>), not for the page.
    /// </summary>
    private static RenderedArticle PlainText(Article article, string reason)
    {
        var html = "<p class=\"kb-render-error\">This article is too complex to display with formatting, so it is shown as plain text.</p>"
            + "<pre class=\"kb-plain-text\">" + System.Net.WebUtility.HtmlEncode(article.Body) + "</pre>";
        return new RenderedArticle(html, [], [], reason);
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
