namespace KbCore.Themes.Models;

/// <summary>
/// What search engines and link previews read about the page, as every template sees it: <c>seo</c>. The shipped
/// <c>{% seo_tags %}</c> writes all of it into the layout's head; a theme may write its own from these values.
/// Every URL is absolute (from <c>HelpCenter:BaseUrl</c>, or the request's scheme and host).
/// </summary>
/// <param name="Canonical">The page's one URL without query string; empty when it must not claim one (internal, error, search pages).</param>
/// <param name="Robots">Content of <c>&lt;meta name="robots"&gt;</c>, e.g. <c>noindex</c>; empty for an indexable page.</param>
/// <param name="Title">Title for link previews (<c>og:title</c>).</param>
/// <param name="Description">The article's summary, or the folder's or site's description.</param>
/// <param name="Type"><c>og:type</c>: <c>article</c> or <c>website</c>.</param>
/// <param name="Url"><c>og:url</c>: the canonical URL, or the page's own for pages without one; empty for non-public pages.</param>
/// <param name="SiteName">The help center's name (<c>og:site_name</c>).</param>
/// <param name="Image">Absolute URL of the article's first image; empty when it has none.</param>
/// <param name="TwitterCard"><c>summary_large_image</c> with an image, else <c>summary</c>.</param>
/// <param name="JsonLd">Structured data, one JSON object per item, already encoded for a script element (<c>&lt;</c> as <c>\u003C</c>).</param>
/// <param name="Public">False for pages only the team sees, errors and previews: themes should then write nothing but <see cref="Robots"/>.</param>
public sealed record SeoView(
    string Canonical,
    string Robots,
    string Title,
    string Description,
    string Type,
    string Url,
    string SiteName,
    string Image,
    string TwitterCard,
    IReadOnlyList<RawHtml> JsonLd,
    bool Public)
{
    /// <summary>For a page that is nobody's business but the viewer's: not indexed, nothing described.</summary>
    public static SeoView NoIndex { get; } = new(string.Empty, "noindex", string.Empty, string.Empty, "website", string.Empty, string.Empty, string.Empty, "summary", [], false);
}
