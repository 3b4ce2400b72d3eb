using KbCore.Accounts;
using KbCore.Content;
using LibGit2Sharp;

namespace KbCore.Reviews;

/// <summary>What a change request's branch holds: changed files, texts, commits, and a snapshot for previews.</summary>
public sealed partial class ChangeRequests
{
    /// <summary>
    /// An article's text before and after the request (null where it does not exist): where the branch left the
    /// published branch and on the branch now, or, once merged, on either side of the merge commit.
    /// </summary>
    public (string? Before, string? After) Texts(ChangeRequest request, string filePath)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var repo = repository.Open();
        var (before, after) = Range(repo, request);
        static string? Text(Commit? commit, string file) => commit?[file]?.Target is Blob { Size: <= 2 * ContentWriter.MaxContentBytes } blob ? blob.GetContentText() : null;
        return (Text(before, filePath), Text(after, filePath));
    }

    /// <summary>The content as the request's branch has it (the published content it started from or last took, plus its edits): for previews.</summary>
    public ContentSnapshot? Snapshot(ChangeRequest request, ContentSnapshot published)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var repo = repository.Open();
        var head = repo.Branches[request.Branch]?.Tip;
        return head is null ? null : ContentSnapshotBuilder.Build(head, string.Equals(options.Value.DefaultVisibility, "internal", StringComparison.OrdinalIgnoreCase) ? Articles.Visibility.Internal : Articles.Visibility.Public, published);
    }

    /// <summary>What the request changes (see <see cref="Texts"/> for the two sides), for lists and the API.</summary>
    public IReadOnlyList<ChangedFile> Changes(ChangeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var repo = repository.Open();
        var (before, after) = Range(repo, request);
        if (after is null)
        {
            return [];
        }

        return repo.Diff.Compare<TreeChanges>(before?.Tree, after.Tree)
            .Select(c => new ChangedFile(c.Path, c.Status.ToString().ToLowerInvariant(), c.Status == ChangeKind.Renamed ? c.OldPath : null))
            .ToList();
    }

    /// <summary>The branch's own commits (not on the published branch), newest first.</summary>
    public IReadOnlyList<CommitSummary> Commits(ChangeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var repo = repository.Open();
        var head = repo.Branches[request.Branch]?.Tip;
        if (head is null)
        {
            return [];
        }

        var filter = new CommitFilter { IncludeReachableFrom = head, SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time };
        if (repo.Branches[options.Value.Branch]?.Tip is { } main && request.State != ChangeRequestStates.Merged)
        {
            filter.ExcludeReachableFrom = main;
        }
        else if (repo.Lookup<Commit>(request.BaseCommit) is { } start)
        {
            filter.ExcludeReachableFrom = start;
        }

        return repo.Commits.QueryBy(filter).Take(200)
            .Select(c => new CommitSummary(c.Sha, c.Author.Name, c.Author.Email, c.Author.When, c.MessageShort, []))
            .ToList();
    }

    /// <summary>
    /// The two commits a request's diff lies between. Open: the merge base with the published branch, and the
    /// branch's tip. Merged: the merge (or squash) commit's first parent and that commit, because after a merge
    /// the branch is part of the published history and the merge base is the branch itself: an empty diff.
    /// </summary>
    private (Commit? Before, Commit? After) Range(Repository repo, ChangeRequest request)
    {
        if (request.State == ChangeRequestStates.Merged && request.MergeCommit is { } sha && repo.Lookup<Commit>(sha) is { } merge)
        {
            return (merge.Parents.FirstOrDefault(), merge);
        }

        var head = repo.Branches[request.Branch]?.Tip;
        var main = repo.Branches[options.Value.Branch]?.Tip;
        if (head is null || main is null)
        {
            return (null, null);
        }

        return (repo.ObjectDatabase.FindMergeBase(main, head) ?? repo.Lookup<Commit>(request.BaseCommit), head);
    }

    private string? Head(string branch)
    {
        using var repo = repository.Open();
        return repo.Branches[branch]?.Tip?.Sha;
    }
}
