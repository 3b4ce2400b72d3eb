using KbCore.Articles;
using KbCore.Content;
using KbCore.Themes;
using KbCore.Themes.Models;
using KbCore.Themes.Seo;

namespace KbServer.HelpCenter;

/// <summary>
/// The <c>seo</c> of each help-center page. Only what a visitor may see goes in: a page that only the team can
/// open (an internal article, a folder of them), an error or a preview says <c>noindex</c> and nothing else, so no
/// title, summary or URL of it reaches a crawler or a link preview.
/// </summary>
internal sealed class SeoViewBuilder(PublicUrls urls, ContentRepository repository)
{
    private const string NoIndexFollow = "noindex, follow";

    /// <param name="key">The page's path key (<c>/</c>, <c>/search</c>, or the repository path of a folder or article).</param>
    public SeoView For(HttpContext context, ContentSnapshot snapshot, string key, object page, string title, string description)
    {
        var site = snapshot.Root.Title;
        switch (page)
        {
            case ArticleView view when snapshot.Articles.TryGetValue(view.Path, out var article) && article.IsPublic:
                return Article(context, snapshot, view, article, site);
            case FolderView view when snapshot.Folders.TryGetValue(key, out var folder) && HelpCenterViewBuilder.CanSee(folder, includeInternal: false):
                var url = urls.Absolute(context, view.Url);
                var crumbs = JsonLd.Breadcrumbs(Crumbs(context, view.Breadcrumbs).Append((view.Title, url)).ToList());
                return Page(url, url, string.Empty, view.Title, view.Description, "website", site, [crumbs]);
            case HomeView:
                var home = urls.Absolute(context, "/");
                var search = urls.Absolute(context, "/search") + "?q={search_term_string}";
                return Page(home, home, string.Empty, site, description, "website", site, [JsonLd.WebSite(site, home, search)]);
            case SearchView:
                // Result pages are thin and endless (one per query): kept out of the index, their links still followed.
                // No canonical either: /search is not the same page as a result page, and noindex plus canonical contradict.
                return Page(string.Empty, urls.Absolute(context, "/search"), NoIndexFollow, title, description, "website", site, []);
            case ContactView:
                var contact = urls.Absolute(context, "/contact");
                return Page(contact, contact, string.Empty, title, description, "website", site, []);
            default:
                return SeoView.NoIndex;
        }
    }

    private SeoView Article(HttpContext context, ContentSnapshot snapshot, ArticleView view, Article article, string site)
    {
        var url = urls.Absolute(context, view.Url);
        var structure = ArticleStructure.From(view.Html.Html, article.Metadata.Extra.GetValueOrDefault(ArticleStructure.TypeKey) as string);
        var image = structure.FirstImage is { } src && Uri.TryCreate(new Uri(url), src, out var resolved) && resolved.Scheme is "http" or "https"
            ? resolved.AbsoluteUri
            : string.Empty;
        var history = snapshot.CommitSha.Length == 0 ? ArticleHistory.Unknown : repository.GetHistory(article.FilePath, article.BlobSha, snapshot.CommitSha);
        var data = new List<RawHtml>
        {
            JsonLd.Article(url, view.Title, view.Summary, history.FirstPublished, history.LastUpdated, history.Contributors, image, site),
            JsonLd.Breadcrumbs(Crumbs(context, view.Breadcrumbs).Append((view.Title, url)).ToList()),
        };
        if (structure.Questions.Count > 0)
        {
            data.Add(JsonLd.Faq(structure.Questions));
        }

        return Page(url, url, string.Empty, view.Title, view.Summary, "article", site, data) with
        {
            Image = image,
            TwitterCard = image.Length > 0 ? "summary_large_image" : "summary",
        };
    }

    private IEnumerable<(string Name, string Url)> Crumbs(HttpContext context, IEnumerable<LinkView> links) =>
        links.Select(l => (l.Title, urls.Absolute(context, l.Url)));

    private static SeoView Page(string canonical, string url, string robots, string title, string description, string type, string site, IReadOnlyList<RawHtml> data) =>
        new(canonical, robots, title.Length > 0 ? title : site, description, type, url, site, string.Empty, "summary", data, Public: true);
}
