using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using KbCore.Articles;
using KbCore.Content;
using KbCore.Rendering.Extensions.WikiLinks;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KbCore.Rendering;

/// <summary>
/// Points every link and image of a parsed article at help-center URLs: <c>[[Wiki Links]]</c>, relative
/// <c>.md</c> links, images beside the article. Targets that do not exist are marked, never dropped.
/// </summary>
internal static partial class LinkRewriter
{
    public const string BrokenClass = "kb-broken-link";

    /// <param name="assets">Receives the repository path of every asset (image, attachment) the article links to.</param>
    public static IReadOnlyList<BrokenLink> Rewrite(MarkdownDocument document, Article article, LinkIndex links, int lineOffset, ICollection<string>? assets = null)
    {
        var broken = new List<BrokenLink>();
        // Materialized first: a wiki link's text may be replaced below, which changes the tree being walked.
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            var original = link is WikiLinkInline wiki ? wiki.Target : link.Url;
            Article? target = null;
            var resolved = link is WikiLinkInline w ? ResolveWiki(w, article, links, out target) : Resolve(link.Url, article, links, assets);
            if (resolved is null)
            {
                continue;
            }

            if (resolved.Length == 0)
            {
                var attributes = link.GetAttributes();
                attributes.AddClass(BrokenClass);
                // The page keeps neither the target nor its name: it may be an internal article's path.
                // Authors see the target in `check`; an image keeps its alt text only.
                link.Title = "This link is broken";
                broken.Add(new BrokenLink(original ?? string.Empty, link.Line + lineOffset));
                link.Url = link.IsImage ? string.Empty : "#";

                continue;
            }

            link.Url = resolved;
            if (link is WikiLinkInline { HasLabel: false } && target is not null)
            {
                // [[auto-charge-recurring-invoices]] reads as the article's title, as a reader would name it.
                link.Clear();
                link.AppendChild(new LiteralInline(target.Title));
            }
        }

        return broken;
    }

    /// <summary>
    /// A public article is read by anonymous visitors, so its links may only lead to public content:
    /// a link to an internal article would leak its path, and is shown as broken instead.
    /// </summary>
    private static bool CanLink(Article from, [NotNullWhen(true)] Article? to) => to is not null && (to.IsPublic || !from.IsPublic);

    private static bool CanLink(Article from, Folder? to) => to is not null && (to.PublicArticleCount > 0 || to.Path.Length == 0 || !from.IsPublic);

    /// <param name="article">The article linked to, when the link may lead to it; null when it is broken.</param>
    private static string ResolveWiki(WikiLinkInline link, Article from, LinkIndex links, out Article? article)
    {
        var hash = link.Target.IndexOf('#', StringComparison.Ordinal);
        var target = hash < 0 ? link.Target : link.Target[..hash];
        var fragment = hash < 0 ? string.Empty : HelpCenterUrls.Fragment(link.Target[(hash + 1)..]);
        article = links.ResolveWikiTarget(target, publicOnly: from.IsPublic);
        if (!CanLink(from, article))
        {
            article = null; // an internal article's title must not reach a public page either
            return string.Empty;
        }

        return HelpCenterUrls.ForPath(article.Path) + fragment;
    }

    /// <summary>Null: leave the URL alone. Empty: broken. Otherwise the new URL.</summary>
    private static string? Resolve(string? url, Article article, LinkIndex links, ICollection<string>? assets)
    {
        if (string.IsNullOrWhiteSpace(url) || url.StartsWith('#') || url.StartsWith("//", StringComparison.Ordinal) || SchemeRegex().IsMatch(url))
        {
            // Anchors are prefixed by the sanitizer; schemes are filtered by it.
            return null;
        }

        var cut = url.IndexOfAny(['#', '?']);
        var pathPart = cut < 0 ? url : url[..cut];
        var fragment = cut >= 0 && url[cut] == '#' ? HelpCenterUrls.Fragment(Uri.UnescapeDataString(url[(cut + 1)..])) : string.Empty;
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(pathPart);
        }
        catch (UriFormatException)
        {
            return string.Empty;
        }

        var path = LinkIndex.Combine(article.FolderPath, decoded);
        if (path is null)
        {
            return string.Empty;
        }

        var withoutMd = StripMarkdownExtension(path);
        if (withoutMd is not null)
        {
            if (withoutMd == "_index" || withoutMd.EndsWith("/_index", StringComparison.Ordinal))
            {
                var folder = withoutMd.Length == "_index".Length ? string.Empty : withoutMd[..^"/_index".Length];
                return !CanLink(article, links.FindFolder(folder)) ? string.Empty : HelpCenterUrls.ForPath(folder) + fragment;
            }

            return !CanLink(article, links.FindArticle(withoutMd)) ? string.Empty : HelpCenterUrls.ForPath(withoutMd) + fragment;
        }

        if (links.FindAsset(path) is not null)
        {
            assets?.Add(path);
            return HelpCenterUrls.ForPath(path) + fragment;
        }

        if (CanLink(article, links.FindArticle(path)) || CanLink(article, links.FindFolder(path)))
        {
            return HelpCenterUrls.ForPath(path) + fragment;
        }

        return string.Empty;
    }

    private static string? StripMarkdownExtension(string path)
    {
        if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return path[..^3];
        }

        return path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase) ? path[..^9] : null;
    }

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex SchemeRegex();
}
