using System.Text;
using LibGit2Sharp;

namespace KbCore.Content;

/// <summary>The writer's branch operations: change-request branches, merges, reverts, updates, settings files.</summary>
public sealed partial class ContentWriter
{
    /// <summary>Creates <paramref name="branch"/> at the published tip and returns that commit; null if the branch exists already.</summary>
    public async Task<string?> CreateBranchAsync(string branch, CancellationToken cancellationToken)
    {
        using (await writeLock.AcquireAsync(cancellationToken).ConfigureAwait(false))
        {
            using var repo = repository.Open();
            var tip = Tip(repo, null).Head ?? throw new InvalidOperationException("The published branch has no commits yet.");
            try
            {
                GitRefs.CompareAndSwap(repo.Info.Path, "refs/heads/" + branch, tip.Sha, expectedSha: null, "change request");
                return tip.Sha;
            }
            catch (BranchMovedException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Merges <paramref name="source"/> into the published branch as one merge commit (or a single-parent squash),
    /// only when it merges cleanly: never a half-merged state. Returns the conflicting paths when it does not.
    /// </summary>
    /// <param name="expectedHead">The branch head that was approved: anything pushed or saved since is not merged.</param>
    public Task<SaveResult> MergeAsync(string source, string expectedHead, string message, CommitIdentity merger, bool squash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merger);
        return WriteAsync(null, (repo, tip) =>
        {
            var theirs = repo.Branches[source]?.Tip;
            if (tip.Head is null || theirs is null)
            {
                return new SaveResult(SaveStatus.NotFound);
            }

            if (theirs.Sha != expectedHead)
            {
                return SaveResult.Reject("head", "The change request changed after it was approved; it needs approving again.");
            }

            if (repo.ObjectDatabase.FindMergeBase(tip.Head, theirs)?.Sha == theirs.Sha)
            {
                return SaveResult.Reject("head", "These changes are already on the published branch.");
            }

            var merged = repo.ObjectDatabase.MergeCommits(tip.Head, theirs, new MergeTreeOptions { FailOnConflict = false, SkipReuc = true });
            if (merged.Status != MergeTreeStatus.Succeeded)
            {
                var paths = merged.Conflicts.Select(c => (c.Ours ?? c.Theirs ?? c.Ancestor).Path).Distinct(StringComparer.Ordinal);
                return new SaveResult(SaveStatus.Conflict) { Error = string.Join(", ", paths) };
            }

            var now = DateTimeOffset.UtcNow;
            var commit = repo.ObjectDatabase.CreateCommit(
                new Signature(merger.Name, merger.Email, now),
                new Signature(options.Value.CommitterName, options.Value.CommitterEmail, now),
                message,
                merged.Tree,
                squash ? [tip.Head] : [tip.Head, theirs],
                prettifyMessage: false);
            GitRefs.CompareAndSwap(repo.Info.Path, "refs/heads/" + tip.Branch, commit.Sha, tip.Head.Sha, "merge " + source);
            return new SaveResult(SaveStatus.Committed) { CommitSha = commit.Sha };
        }, cancellationToken);
    }

    /// <summary>
    /// Commits onto <paramref name="branch"/> the undoing of a merge (against its first parent), keeping any later
    /// edits; a conflict when later edits overlap what the merge changed.
    /// </summary>
    public Task<SaveResult> RevertMergeAsync(string branch, string mergeSha, CommitIdentity author, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(author);
        return WriteAsync(branch, (repo, tip) =>
        {
            if (tip.Head is null || repo.Lookup<Commit>(mergeSha) is not { } merge || merge.Parents.FirstOrDefault() is not { } before)
            {
                return new SaveResult(SaveStatus.NotFound);
            }

            // A three-way revert: later edits to the same files are kept; where they overlap it is a conflict.
            var reverted = repo.ObjectDatabase.RevertCommit(merge, tip.Head, mainline: 1, new MergeTreeOptions { FailOnConflict = false, SkipReuc = true });
            if (reverted.Status != MergeTreeStatus.Succeeded)
            {
                return new SaveResult(SaveStatus.Conflict) { Error = string.Join(", ", reverted.Conflicts.Select(c => (c.Ours ?? c.Theirs ?? c.Ancestor).Path).Distinct(StringComparer.Ordinal)) };
            }

            var tree = TreeDefinition.From(reverted.Tree);
            var commit = Commit(repo, tip, tree, author, message);
            return new SaveResult(SaveStatus.Committed) { CommitSha = commit.Sha };
        }, cancellationToken);
    }

    /// <summary>
    /// Merges the published branch into <paramref name="branch"/>. Files both sides changed come back as conflicts
    /// unless <paramref name="resolutions"/> gives their final text (null text: remove the file); then the merge is
    /// committed with those texts. Nothing is written until every conflict is resolved.
    /// </summary>
    /// <param name="seenPublished">With resolutions: the published tip the conflicts were shown for; settled texts are refused if it moved.</param>
    public async Task<BranchUpdate> UpdateFromPublishedAsync(string branch, CommitIdentity author, IReadOnlyDictionary<string, string?>? resolutions, CancellationToken cancellationToken, string? seenPublished = null)
    {
        ArgumentNullException.ThrowIfNull(author);
        IReadOnlyList<MergeConflict> conflicts = [];
        string? published = null;
        var result = await WriteAsync(branch, (repo, tip) =>
        {
            var main = repo.Branches[options.Value.Branch]?.Tip;
            published = main?.Sha;
            if (tip.Head is null || main is null)
            {
                return new SaveResult(SaveStatus.NotFound);
            }

            if (repo.ObjectDatabase.FindMergeBase(tip.Head, main)?.Sha == main.Sha)
            {
                return new SaveResult(SaveStatus.Committed) { Unchanged = true };
            }

            var merged = repo.ObjectDatabase.MergeCommits(tip.Head, main, new MergeTreeOptions { FailOnConflict = false, SkipReuc = true });
            Tree tree;
            if (merged.Status == MergeTreeStatus.Succeeded)
            {
                tree = merged.Tree;
            }
            else
            {
                static string? Text(IndexEntry? entry, Repository r) => entry is null ? null : r.Lookup<Blob>(entry.Id)?.GetContentText();
                var found = merged.Conflicts
                    .Select(c => new MergeConflict((c.Ours ?? c.Theirs ?? c.Ancestor).Path, Text(c.Ancestor, repo), Text(c.Ours, repo), Text(c.Theirs, repo)))
                    .ToList();
                // Texts settled against an older published version would silently undo what was published since.
                if (resolutions is null || found.Any(c => !resolutions.ContainsKey(c.Path)) || (seenPublished is not null && seenPublished != main.Sha))
                {
                    conflicts = found;
                    return new SaveResult(SaveStatus.Conflict);
                }

                // Everything else merges cleanly; the conflicting files take the texts the author settled on.
                var definition = TreeDefinition.From(repo.ObjectDatabase.MergeCommits(tip.Head, main, new MergeTreeOptions { MergeFileFavor = MergeFileFavor.Ours, SkipReuc = true }).Tree);
                foreach (var conflict in found)
                {
                    if (resolutions[conflict.Path] is { } text)
                    {
                        definition.Add(conflict.Path, repo.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes(text)), conflict.Path), Mode.NonExecutableFile);
                    }
                    else
                    {
                        definition.Remove(conflict.Path);
                    }
                }

                tree = repo.ObjectDatabase.CreateTree(definition);
            }

            var now = DateTimeOffset.UtcNow;
            var commit = repo.ObjectDatabase.CreateCommit(
                new Signature(author.Name, author.Email, now),
                new Signature(options.Value.CommitterName, options.Value.CommitterEmail, now),
                $"Update {branch} from {options.Value.Branch}",
                tree,
                [tip.Head, main],
                prettifyMessage: true);
            GitRefs.CompareAndSwap(repo.Info.Path, "refs/heads/" + tip.Branch, commit.Sha, tip.Head.Sha, "update from " + options.Value.Branch);
            return new SaveResult(SaveStatus.Committed) { CommitSha = commit.Sha };
        }, cancellationToken).ConfigureAwait(false);
        return new BranchUpdate(result.Status, result.Unchanged ? null : result.CommitSha, conflicts) { PublishedTip = published };
    }

    /// <summary>Files under <c>.kb/</c> the studio itself writes (settings reviewed like content).</summary>
    public static IReadOnlySet<string> SettingsFiles { get; } = new HashSet<string>(StringComparer.Ordinal) { ".kb/policy.yml", KbCore.TicketCategories.TicketCategoryCatalog.FileName, KbCore.Search.SynonymSet.FileName };

    /// <summary>
    /// One of <see cref="SettingsFiles"/> on the published branch: its text and blob id (the revision an edit starts
    /// from); both null when the file does not exist, the text null when it is too large for the studio to edit.
    /// The revision is the base a later <see cref="SaveSettingsFileAsync"/> can insist on.
    /// </summary>
    public (string? Text, string? Revision) ReadSettingsFile(string filePath)
    {
        if (!SettingsFiles.Contains(filePath))
        {
            return (null, null);
        }

        using var repo = repository.Open();
        return Tip(repo, null).Head?[filePath]?.Target is Blob blob
            ? (blob.Size <= MaxSettingsBytes ? blob.GetContentText() : null, blob.Sha)
            : (null, null);
    }

    public const int MaxSettingsBytes = 64 * 1024;

    /// <summary>Writes one of <see cref="SettingsFiles"/> as a commit on the published branch or a change request's.</summary>
    /// <param name="baseRevision">
    /// When given, the blob SHA the editor started from (empty: the file did not exist). If the branch holds another
    /// version, nothing is written and the result is a <see cref="SaveStatus.Conflict"/> carrying that version: a
    /// whole-file edit must not silently undo someone else's.
    /// </param>
    public Task<SaveResult> SaveSettingsFileAsync(string filePath, string text, CommitIdentity author, string message, string? branch, CancellationToken cancellationToken, string? baseRevision = null)
    {
        ArgumentNullException.ThrowIfNull(author);
        if (!SettingsFiles.Contains(filePath) || text is null || text.Length > MaxSettingsBytes)
        {
            return Task.FromResult(SaveResult.Reject("path", $"`{filePath}` is not a settings file the studio writes."));
        }

        return WriteAsync(branch, (repo, tip) =>
        {
            if (tip.Head is null)
            {
                return new SaveResult(SaveStatus.NotFound);
            }

            var current = tip.Head[filePath]?.Target as Blob;
            var blob = repo.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes(text)), filePath);
            if (current?.Sha == blob.Sha)
            {
                return new SaveResult(SaveStatus.Committed) { CommitSha = tip.Head.Sha, Unchanged = true };
            }

            if (baseRevision is not null && baseRevision != (current?.Sha ?? string.Empty))
            {
                return new SaveResult(SaveStatus.Conflict) { CurrentContent = current?.GetContentText(), CurrentRevision = current?.Sha ?? string.Empty };
            }

            var tree = TreeDefinition.From(tip.Head.Tree);
            tree.Add(filePath, blob, Mode.NonExecutableFile);
            var commit = Commit(repo, tip, tree, author, message);
            return new SaveResult(SaveStatus.Committed) { CommitSha = commit.Sha, Revision = blob.Sha };
        }, cancellationToken);
    }
}
