using LibGit2Sharp;

namespace KbCore.Content;

/// <summary>
/// Three-way merge of one file's text with libgit2, without a work tree: the three versions go into throwaway
/// single-file commits (base, theirs ← base, ours ← base) and libgit2 merges those trees. The throwaway objects
/// are unreachable and vanish at the next gc.
/// </summary>
internal static class TextMerge
{
    private static readonly Signature Nobody = new("merge", "merge@localhost", DateTimeOffset.UnixEpoch);

    /// <summary>The merged blob, or null when the edits overlap.</summary>
    public static Blob? Merge(Repository repo, string file, Blob ancestor, Blob theirs, Blob ours)
    {
        var odb = repo.ObjectDatabase;
        var baseCommit = odb.CreateCommit(Nobody, Nobody, "base", Tree(odb, file, ancestor), [], prettifyMessage: false);
        var theirCommit = odb.CreateCommit(Nobody, Nobody, "theirs", Tree(odb, file, theirs), [baseCommit], prettifyMessage: false);
        var ourCommit = odb.CreateCommit(Nobody, Nobody, "ours", Tree(odb, file, ours), [baseCommit], prettifyMessage: false);
        var result = odb.MergeCommits(ourCommit, theirCommit, new MergeTreeOptions { FailOnConflict = false });
        return result.Status == MergeTreeStatus.Succeeded ? result.Tree[file]?.Target as Blob : null;
    }

    private static Tree Tree(ObjectDatabase odb, string file, Blob blob)
    {
        var definition = new TreeDefinition();
        definition.Add(file, blob, Mode.NonExecutableFile);
        return odb.CreateTree(definition);
    }
}
