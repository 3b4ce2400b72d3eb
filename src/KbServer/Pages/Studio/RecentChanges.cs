using KbCore.Content;

namespace KbServer.Pages.Studio;

/// <summary>Recent commits with the articles they touched, for the recent-changes page and its Atom feed.</summary>
public sealed record RecentChange(CommitSummary Commit, IReadOnlyList<(string Path, string Title)> Articles, int OtherFiles)
{
    public const int Limit = 50;

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
            var articles = commit.Paths
                .Where(p => p.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase))
                .Select(p => p[..p.LastIndexOf('.')])
                .Select(p => (p, snapshot.Articles.TryGetValue(p, out var a) ? a.Title : p + " (removed or moved)"))
                .ToList();
            return new RecentChange(commit, articles, commit.Paths.Count - articles.Count);
        }).ToList();
    }
}
