using System.Text;

namespace KbServer.GitHttp;

/// <summary>
/// The server's verdict on a push the pre-receive hook holds: git's own list of ref updates (branch names, no case
/// twins of existing refs), history that continues <c>main</c>'s, and the files the new commits bring. Empty means
/// the push may land; otherwise one line per reason, printed by git as <c>remote:</c> lines.
/// </summary>
internal static class PushInspection
{
    public static IReadOnlyList<string> Judge(BoundedGit git, IReadOnlyList<PushCommand> updates, string publishedRef, long maxImagePixels)
    {
        try
        {
            var refs = ExistingRefs(git);
            var reasons = RefReasons(updates, refs).Select(r => $"{r.Ref}: invalid branch name: {r.Reason}").ToList();
            var pushed = updates.Where(u => !u.IsDelete).ToList();
            if (reasons.Count > 0 || pushed.Count == 0)
            {
                return reasons;
            }

            var changes = PushedChanges.Collect(git, pushed.Select(u => u.NewSha).Distinct(StringComparer.Ordinal));
            if (refs.Contains(publishedRef))
            {
                reasons.AddRange(pushed.Where(u => changes.HasRootCommit || Unrelated(git, u.NewSha, publishedRef))
                    .Select(u => $"{u.Ref}: its history shares no commit with {publishedRef[BranchNames.Prefix.Length..]}; branch off {publishedRef[BranchNames.Prefix.Length..]} (or merge it in) and push again"));
            }

            return reasons.Count > 0 ? reasons : PushedFileRules.Judge(git, changes, maxImagePixels);
        }
        catch (PushCheckException e)
        {
            return [e.Message];
        }
    }

    /// <summary>Every ref in the repository, as git lists them (LibGit2Sharp throws on some names this is meant to find).</summary>
    public static List<string> ExistingRefs(BoundedGit git)
    {
        var (_, output) = git.Run(null, "for-each-ref", "--format=%(refname)");
        return [.. Encoding.UTF8.GetString(output).Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>Why each update's ref may not be pushed: its name, or a new ref that is a case or accent twin of another.</summary>
    public static IEnumerable<(string Ref, string Reason)> RefReasons(IEnumerable<PushCommand> updates, IEnumerable<string> existing)
    {
        var known = existing.ToList();
        foreach (var update in updates)
        {
            var reason = BranchNames.Validate(update.Ref) ?? (update.IsCreate && !known.Contains(update.Ref) ? BranchNames.Collision(update.Ref, known) : null);
            if (reason is not null)
            {
                yield return (update.Ref, reason);
            }

            known.Add(update.Ref);
        }
    }

    private static bool Unrelated(BoundedGit git, string tip, string publishedRef) => git.Run(null, "merge-base", tip, publishedRef).Code == 1;
}
