using System.Text;
using LibGit2Sharp;

namespace KbCore.Content;

/// <summary>The tree of a move: the file at its new path, its own relative links re-based, links to it rewritten, a redirect.</summary>
internal static class ArticleMove
{
    /// <summary>The changed tree, or a refusal.</summary>
    public static (TreeDefinition? Tree, SaveResult? Refusal) Build(Repository repo, Commit head, ContentSnapshot snapshot, string from, string oldFile, string to, Blob blob)
    {
        var newFile = to + oldFile[oldFile.LastIndexOf('.')..];
        if (head[newFile] is not null || snapshot.Articles.ContainsKey(to) || snapshot.Folders.ContainsKey(to))
        {
            return (null, SaveResult.Reject("to", $"There is already an article or a folder at `{to}`."));
        }

        if (ContentWriteRules.RejectCollision(head.Tree, newFile, "to", replaced: oldFile) is { } collision)
        {
            return (null, collision);
        }

        // Internal only because its folder is: moving it to a public folder would publish it without anyone deciding so.
        var toFolder = to.LastIndexOf('/') is var slash and >= 0 ? to[..slash] : string.Empty;
        if (snapshot.Articles.TryGetValue(from, out var article) && article.InheritedInternal && article.Metadata.Visibility == Articles.Visibility.Public &&
            !ContentWriteRules.IsInternalFolder(head, toFolder))
        {
            return (null, SaveResult.Reject("to", "This article is internal because its folder is. In a public folder it would be published: set its visibility in the editor first (internal to keep it for the team), then move it."));
        }

        var tree = TreeDefinition.From(head.Tree);
        tree.Remove(oldFile);
        var text = blob.GetContentText();
        var rebased = LinkUpdater.Rebase(text, oldFile, newFile);
        tree.Add(newFile, rebased is null ? blob : Blob(repo, rebased), Mode.NonExecutableFile);

        // Only articles whose text mentions the moved file's name can link to it.
        var slug = from[(from.LastIndexOf('/') + 1)..];
        foreach (var other in snapshot.Articles.Values.Where(a => a.Path != from && a.Body.Contains(slug, StringComparison.Ordinal)))
        {
            if (head[other.FilePath]?.Target is Blob otherBlob && LinkUpdater.Rewrite(otherBlob.GetContentText(), other.FilePath, from, to) is { } rewritten)
            {
                tree.Add(other.FilePath, Blob(repo, rewritten), Mode.NonExecutableFile);
            }
        }

        var current = head[Redirects.FilePath]?.Target is Blob existing ? Redirects.Parse(existing.GetContentText()) : Redirects.Empty;
        tree.Add(Redirects.FilePath, Blob(repo, Redirects.Serialize(Redirects.WithMove(current, from, to))), Mode.NonExecutableFile);
        return (tree, null);
    }

    private static Blob Blob(Repository repo, string text) => repo.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes(text)));
}
