using AngleSharp.Dom;
using Ganss.Xss;

namespace KbCore.Rendering;

/// <summary>
/// The last step of rendering: markdown may carry raw HTML, so the finished HTML passes an allowlist.
/// Ids are kept only with the <c>kb-</c> prefix (bare ids and names could clobber page globals),
/// URLs only for http, https, mailto and relative targets, style only for table cell alignment.
/// One configured instance is shared: sanitizing does not mutate configuration.
/// </summary>
public sealed partial class ArticleHtmlSanitizer
{
    private static readonly string[] Tags =
    [
        "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details", "div", "dl", "dt",
        "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
        "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
        "th", "thead", "tr", "u", "ul", "var",
    ];

    private static readonly string[] Attributes =
    [
        "href", "src", "alt", "title", "class", "id", "colspan", "rowspan", "start", "type",
        "width", "height", "style", "open", "reversed", "datetime", "cite", "lang", "dir",
    ];

    // Classes Markdig emits, plus our own kb- ones; anything else could dress content up as site chrome. Code gets its
    // own, narrower rules (AllowedClass): a language on pre or code, token colours on spans inside pre > code.
    private static readonly string[] ClassPrefixes =
    [
        "markdown-alert", "task-list-item", "contains-task-list", "footnote", HelpCenterUrls.IdPrefix,
    ];

    private const string LanguagePrefix = "language-";

    private readonly HtmlSanitizer _sanitizer;

    // A fenced block's info string becomes its class verbatim (a fence opened with `"><img`): only a plain language
    // name, and plain words for the other classes, stay.
    [System.Text.RegularExpressions.GeneratedRegex("^(language-[A-Za-z0-9+#.-]{1,32}|[A-Za-z0-9_-]{1,80})$")]
    private static partial System.Text.RegularExpressions.Regex SafeClass();

    public ArticleHtmlSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(["text-align"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "cite"], StringComparer.OrdinalIgnoreCase),
        };
        _sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement element)
            {
                Harden(element);
            }
        };
    }

    public string Sanitize(string html) => _sanitizer.Sanitize(html);

    private static void Harden(IElement element)
    {
        if (element.GetAttribute("id") is { } id)
        {
            element.SetAttribute("id", HelpCenterUrls.Id(id));
        }

        if (element.LocalName == "a" && element.GetAttribute("href") is { } href)
        {
            if (href.StartsWith('#') && href.Length > 1)
            {
                // Markdig percent-encodes non-ASCII anchors (#%C3%BC); ids hold the letters themselves.
                element.SetAttribute("href", HelpCenterUrls.Fragment(Uri.UnescapeDataString(href[1..])));
            }
            else if (href.StartsWith("http", StringComparison.OrdinalIgnoreCase) || href.StartsWith("//", StringComparison.Ordinal) || href.StartsWith("/\\", StringComparison.Ordinal))
            {
                element.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        }

        if (element.HasAttribute("style") && element.LocalName is not ("td" or "th"))
        {
            element.RemoveAttribute("style");
        }

        // A task list's box (an inert span, never an input: articles carry no form controls) says what it is and
        // whether it is ticked to screen readers; the state comes from the class the renderer wrote.
        if (element.LocalName == "span" && element.ClassList.Contains(Extensions.TaskLists.InertTaskListRenderer.BoxClass))
        {
            var done = element.ClassList.Contains(Extensions.TaskLists.InertTaskListRenderer.CheckedClass);
            element.SetAttribute("role", "checkbox");
            element.SetAttribute("aria-checked", done ? "true" : "false");
            element.SetAttribute("aria-disabled", "true");
            element.SetAttribute("aria-label", done ? "Done" : "Not done");
        }

        // Wide code blocks and tables scroll sideways: keyboard users must be able to reach them.
        if (element.LocalName is "pre" or "table")
        {
            element.SetAttribute("tabindex", "0");
        }

        if (element.GetAttribute("class") is { } classes)
        {
            var kept = classes.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(c => AllowedClass(element, c))
                .ToArray();
            if (kept.Length == 0)
            {
                element.RemoveAttribute("class");
            }
            else
            {
                element.SetAttribute("class", string.Join(' ', kept));
            }
        }
    }

    private static bool AllowedClass(IElement element, string name)
    {
        if (!SafeClass().IsMatch(name))
        {
            return false;
        }

        if (Extensions.CodeHighlighting.CodeTokenClasses.All.Contains(name))
        {
            return element.LocalName == "span" && element.Closest("pre > code") is not null;
        }

        if (name.StartsWith(LanguagePrefix, StringComparison.Ordinal))
        {
            return element.LocalName is "code" or "pre";
        }

        return ClassPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));
    }
}
