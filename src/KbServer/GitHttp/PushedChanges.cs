using System.Text;

namespace KbServer.GitHttp;

/// <summary>
/// What a push brings that the server does not have yet: the commits reachable from the pushed tips and from no
/// existing ref, and for each one the files that differ from all its parents (so merging <c>main</c> in does not
/// re-judge what <c>main</c> already holds). Both are counted, and a push beyond the limits is refused unread.
/// </summary>
internal sealed class PushedChanges
{
    /// <summary>Most new commits one push may bring.</summary>
    public const int MaxCommits = 1000;

    /// <summary>Most changed files, over all new commits, one push may bring.</summary>
    public const int MaxFiles = 10000;

    private PushedChanges(List<PushedChange> files, bool hasRoot)
    {
        Files = files;
        HasRootCommit = hasRoot;
    }

    public IReadOnlyList<PushedChange> Files { get; }

    /// <summary>A new commit without parents: history that starts in this push instead of continuing the server's.</summary>
    public bool HasRootCommit { get; }

    /// <exception cref="PushCheckException">A tip that is not a commit, more than <see cref="MaxCommits"/> commits or <see cref="MaxFiles"/> files.</exception>
    public static PushedChanges Collect(BoundedGit git, IEnumerable<string> tips)
    {
        var tipList = tips.ToList();
        var (_, types) = git.Run(string.Join('\n', tipList) + "\n", "cat-file", "--batch-check=%(objecttype)");
        if (Encoding.ASCII.GetString(types).Split('\n', StringSplitOptions.RemoveEmptyEntries) is var kinds && (kinds.Length != tipList.Count || kinds.Any(k => k != "commit")))
        {
            throw new PushCheckException("a branch can only point to a commit");
        }

        var (code, listing) = git.Run(null, ["rev-list", "--parents", $"--max-count={MaxCommits + 1}", .. tipList, "--not", "--all"]);
        if (code != 0)
        {
            throw new PushCheckException("the pushed commits could not be read; push again");
        }

        var commits = Encoding.ASCII.GetString(listing).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToList();
        if (commits.Count > MaxCommits)
        {
            throw new PushCheckException($"this push brings more than {MaxCommits} new commits; push them in parts");
        }

        if (commits.Count == 0)
        {
            return new PushedChanges([], hasRoot: false);
        }

        var (_, raw) = git.Run(string.Join('\n', commits.Select(c => c[0])) + "\n", "diff-tree", "--stdin", "-m", "-r", "-z", "--raw", "--no-renames", "--no-abbrev", "--root");
        var sections = Sections(Encoding.UTF8.GetString(raw));
        var files = new List<PushedChange>();
        foreach (var commit in commits)
        {
            var parents = Math.Max(1, commit.Length - 1);
            if (!sections.TryGetValue(commit[0], out var diffs) || diffs.Count < parents)
            {
                // No diff against some parent: everything here is that parent's already.
                continue;
            }

            foreach (var (path, entry) in diffs[0])
            {
                if (entry.Mode != "000000" && diffs.All(d => d.TryGetValue(path, out var other) && other.BlobId == entry.BlobId))
                {
                    files.Add(new PushedChange(commit[0], path, entry.Mode, entry.BlobId, diffs.All(d => d[path].Added)));
                }
            }
        }

        return new PushedChanges(files, commits.Any(c => c.Length == 1));
    }

    /// <summary>
    /// diff-tree's <c>-z</c> output: a commit id starts the diff against its next parent, then
    /// <c>:oldmode newmode old new status</c> and the path, each ended by NUL.
    /// </summary>
    private static Dictionary<string, List<Dictionary<string, (string Mode, string BlobId, bool Added)>>> Sections(string output)
    {
        var sections = new Dictionary<string, List<Dictionary<string, (string, string, bool)>>>(StringComparer.Ordinal);
        Dictionary<string, (string, string, bool)>? current = null;
        var tokens = output.Split('\0');
        var count = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.StartsWith(':') && current is not null && i + 1 < tokens.Length)
            {
                var meta = token[1..].Split(' ');
                current[tokens[++i]] = (meta[1], meta[3], meta[0] == "000000");
                if (++count > MaxFiles)
                {
                    throw new PushCheckException($"this push changes more than {MaxFiles} files; push them in parts");
                }
            }
            else if (token.Length > 0)
            {
                current = [];
                if (!sections.TryGetValue(token, out var list))
                {
                    sections[token] = list = [];
                }

                list.Add(current);
            }
        }

        return sections;
    }
}
