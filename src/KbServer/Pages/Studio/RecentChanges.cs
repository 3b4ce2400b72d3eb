using KbCore.Content;

namespace KbServer.Pages.Studio;

/// <summary>Recent commits with the articles they touched, for the recent-changes page and its Atom feed.</summary>
/// <param name="Articles">Articles (by title; a path no longer in the content is marked) the commit changed.</param>
/// <param name="OtherFiles">Every other file: folder settings (<c>_index.md</c>), images, catalogs.</param>
public sealed record RecentChange(CommitSummary Commit, IReadOnlyList<(string Path, string Title)> Articles, IReadOnlyList<string> OtherFiles)
{
    public const int Limit = 50;

    /// <summary>How many other files a row names before "and N more".</summary>
    public const int OtherFilesShown = 3;

    /// <summary>"3 articles and 2 other files changed", for the feed's summary.</summary>
    public string Summary => Articles.Count == 0
        ? Count(OtherFiles.Count, "file") + " changed: " + string.Join(", ", OtherFiles.Take(OtherFilesShown))
        : string.Join(", ", Articles.Select(a => a.Title)) + (OtherFiles.Count > 0 ? " and " + Count(OtherFiles.Count, "other file") : string.Empty);

    public static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    public static IReadOnlyList<RecentChange> Load(ContentRepository repository, ContentSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.CommitSha.Length == 0)
        {
            return [];
        }

        return repository.RecentCommits(snapshot.CommitSha, Limit).Select(commit =>
        {
            // A folder's _index.md is its settings, not an article: never "removed or moved".
            var articles = commit.Paths
                .Select(ArticlePaths.ArticlePathOf)
                .OfType<string>()
                .Select(p => (p, snapshot.Articles.TryGetValue(p, out var a) ? a.Title : p + " (removed or moved since)"))
                .ToList();
            return new RecentChange(commit, articles, commit.Paths.Where(p => !ArticlePaths.IsArticleFile(p)).ToList());
        }).ToList();
    }
}
