using System.Text;
using KbCore.Content;

namespace KbServer.GitHttp;

/// <summary>
/// Applies <see cref="PushedFiles"/> to what a push brings: new paths (their name, and no case or accent twin in the
/// tree they land in), and the bytes of every added or changed file. One line per refused file, for <c>remote:</c>.
/// </summary>
internal static class PushedFileRules
{
    public static IReadOnlyList<string> Judge(BoundedGit git, PushedChanges changes, long maxImagePixels)
    {
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in changes.Files)
        {
            if (file.IsLinkOrSubmodule)
            {
                reasons.TryAdd(file.Path, "symbolic links and submodules cannot be pushed");
            }
            else if (file.Added && PushedFiles.CheckPath(file.Path) is { } invalid)
            {
                reasons.TryAdd(file.Path, invalid);
            }
        }

        foreach (var commit in changes.Files.Where(f => f.Added && !reasons.ContainsKey(f.Path)).GroupBy(f => f.Commit, StringComparer.Ordinal))
        {
            var tree = TreeNames(git, commit.Key);
            foreach (var file in commit)
            {
                if (Collision(file.Path, tree) is { } twin)
                {
                    reasons.TryAdd(file.Path, twin);
                }
            }
        }

        var paths = changes.Files.Where(f => !f.IsLinkOrSubmodule && !reasons.ContainsKey(f.Path))
            .GroupBy(f => f.BlobId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(f => f.Path).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        PushedBlobs.ForEach(git, paths.Keys, (blob, bytes) =>
        {
            foreach (var path in paths[blob])
            {
                if (PushedFiles.CheckContent(path, bytes.Span, maxImagePixels) is { } refused)
                {
                    reasons.TryAdd(path, refused);
                }
            }
        });

        return [.. reasons.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}: {r.Value}")];
    }

    /// <summary>The path, or a folder it is in, against the tree's paths and folders with the same case-folded name.</summary>
    private static string? Collision(string path, ILookup<string, string> tree)
    {
        foreach (var name in WithFolders([path]))
        {
            if (PushedFiles.CheckCollision(name, tree[PushedFiles.FoldKey(name)]) is { } reason)
            {
                return name == path ? reason : $"its folder `{name}`: {reason}";
            }
        }

        return null;
    }

    /// <summary>Every path and folder in the commit's tree, by case-folded name.</summary>
    private static ILookup<string, string> TreeNames(BoundedGit git, string commit)
    {
        var (_, listing) = git.Run(null, "ls-tree", "-r", "-z", "--name-only", "--full-tree", commit);
        var files = Encoding.UTF8.GetString(listing).Split('\0', StringSplitOptions.RemoveEmptyEntries);
        return WithFolders(files).Distinct(StringComparer.Ordinal).ToLookup(PushedFiles.FoldKey, StringComparer.Ordinal);
    }

    private static IEnumerable<string> WithFolders(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
            {
                yield return path[..slash];
            }

            yield return path;
        }
    }
}
