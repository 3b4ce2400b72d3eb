using System.Globalization;
using KbCore.Articles;
using KbCore.Content;
using KbCore.Rendering;
using KbCore.Themes.Models;

namespace KbServer.HelpCenter;

/// <summary>
/// Turns a snapshot into the view records templates receive. Every list is filtered by what the
/// viewer may see, here and nowhere else, so a template cannot show an internal article by mistake.
/// </summary>
internal sealed class HelpCenterViewBuilder(ContentRepository repository, ArticleRenderer renderer)
{
    private const int RecentCount = 6;
    private const int CardLinks = 4;
    private const int RelatedCount = 5;

    public static SiteView Site(ContentSnapshot snapshot, string theme, bool includeInternal) => new(
        snapshot.Root.Title,
        snapshot.Root.Description,
        "/assets/" + theme,
        VisibleFolders(snapshot.Root, includeInternal).Select(f => new LinkView(f.Title, HelpCenterUrls.ForPath(f.Path))).ToArray(),
        snapshot.ShortSha,
        DateTime.UtcNow.Year);

    public HomeView Home(ContentSnapshot snapshot, bool includeInternal)
    {
        var categories = VisibleFolders(snapshot.Root, includeInternal).Select(f => Card(f, includeInternal)).ToArray();
        var recent = new List<ArticleSummaryView>();
        if (snapshot.CommitSha.Length > 0)
        {
            foreach (var (path, _) in repository.RecentlyChanged(snapshot.CommitSha, limit: 50))
            {
                var key = ArticlePaths.ArticlePathOf(path);
                if (key is not null && snapshot.Articles.TryGetValue(key, out var article) && CanSee(article, includeInternal))
                {
                    recent.Add(Summary(snapshot, article));
                    if (recent.Count == RecentCount)
                    {
                        break;
                    }
                }
            }
        }

        return new HomeView(categories, recent);
    }

    public FolderView Folder(ContentSnapshot snapshot, Folder folder, bool includeInternal) => new(
        folder.Title,
        folder.Description,
        HelpCenterUrls.ForPath(folder.Path),
        Breadcrumbs(folder.Parent),
        VisibleFolders(folder, includeInternal).Select(f => Card(f, includeInternal)).ToArray(),
        folder.Articles.Where(a => CanSee(a, includeInternal)).Select(a => Summary(snapshot, a)).ToArray());

    public ArticleView Article(ContentSnapshot snapshot, Article article, bool includeInternal)
    {
        var rendered = renderer.Render(article, snapshot.Links);
        var history = History(snapshot, article);
        // A shared ticket category says "same customer problem": it weighs twice a shared tag.
        var related = article.Metadata.TicketCategories
            .SelectMany(id => snapshot.ArticlesByTicketCategory(includeInternal)[id].Select(a => (Article: a, Weight: 2)))
            .Concat(article.Metadata.Tags.SelectMany(tag => snapshot.ArticlesByTag(includeInternal)[tag].Select(a => (Article: a, Weight: 1))))
            .Where(x => x.Article.Path != article.Path && CanSee(x.Article, includeInternal))
            .GroupBy(x => x.Article.Path, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(x => x.Weight))
            .ThenBy(g => g.First().Article.Title, StringComparer.OrdinalIgnoreCase)
            .Take(RelatedCount)
            .Select(g => Summary(snapshot, g.First().Article))
            .ToArray();
        return new ArticleView(
            article.Title,
            article.Metadata.Summary ?? string.Empty,
            HelpCenterUrls.ForPath(article.Path),
            new KbCore.Themes.RawHtml(rendered.Html),
            article.Metadata.Tags,
            Breadcrumbs(snapshot.Folders.GetValueOrDefault(article.FolderPath)),
            rendered.Headings,
            IsoDate(history.LastUpdated),
            DisplayDate(history.LastUpdated),
            history.Contributors,
            related,
            !article.IsPublic,
            article.Path,
            includeInternal ? "/studio/edit?path=" + Uri.EscapeDataString(article.Path) : string.Empty);
    }

    public static bool CanSee(Article article, bool includeInternal) => includeInternal || article.IsPublic;

    public static bool CanSee(Folder folder, bool includeInternal) =>
        folder.Path.Length == 0 || (includeInternal ? folder.Articles.Count > 0 || folder.Folders.Count > 0 : folder.PublicArticleCount > 0);

    private static IEnumerable<Folder> VisibleFolders(Folder parent, bool includeInternal) =>
        parent.Folders.Where(f => CanSee(f, includeInternal));

    private static CategoryCardView Card(Folder folder, bool includeInternal)
    {
        var links = Flatten(folder)
            .Where(a => CanSee(a, includeInternal))
            .Take(CardLinks)
            .Select(a => new LinkView(a.Title, HelpCenterUrls.ForPath(a.Path)))
            .ToArray();
        var count = includeInternal ? Flatten(folder).Count() : folder.PublicArticleCount;
        return new CategoryCardView(folder.Title, HelpCenterUrls.ForPath(folder.Path), folder.Description, count, links);
    }

    private static IEnumerable<Article> Flatten(Folder folder) =>
        folder.Articles.Concat(folder.Folders.SelectMany(Flatten));

    private static LinkView[] Breadcrumbs(Folder? folder)
    {
        var crumbs = new List<LinkView>();
        for (var f = folder; f is not null; f = f.Parent)
        {
            crumbs.Add(f.Path.Length == 0 ? new LinkView("Home", "/") : new LinkView(f.Title, HelpCenterUrls.ForPath(f.Path)));
        }

        crumbs.Reverse();
        return crumbs.ToArray();
    }

    private ArticleSummaryView Summary(ContentSnapshot snapshot, Article article)
    {
        var history = History(snapshot, article);
        var section = snapshot.Folders.GetValueOrDefault(article.FolderPath)?.Title ?? string.Empty;
        return new ArticleSummaryView(
            article.Title,
            HelpCenterUrls.ForPath(article.Path),
            article.Metadata.Summary ?? string.Empty,
            IsoDate(history.LastUpdated),
            DisplayDate(history.LastUpdated),
            section,
            !article.IsPublic);
    }

    private ArticleHistory History(ContentSnapshot snapshot, Article article) =>
        snapshot.CommitSha.Length == 0 ? ArticleHistory.Unknown : repository.GetHistory(article.FilePath, article.BlobSha, snapshot.CommitSha);

    private static string IsoDate(DateTimeOffset? when) =>
        when?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string DisplayDate(DateTimeOffset? when) =>
        when?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? string.Empty;
}
