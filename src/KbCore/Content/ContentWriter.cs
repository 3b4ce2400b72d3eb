using System.Text;
using LibGit2Sharp;
using Microsoft.Extensions.Options;

namespace KbCore.Content;

/// <summary>
/// The single writer of DESIGN "Storage": saves, deletes and moves articles as commits on the published branch,
/// built in the object database (no work tree), one at a time under <see cref="ContentWriteLock"/>. An edit carries
/// the blob it started from; if the article moved on meanwhile, non-overlapping edits are merged and overlapping
/// ones come back as a conflict. The branch is advanced only from the tip the commit was built on (compare and
/// swap through git's ref lock, <see cref="GitRefs"/>), so a push landing in between is never orphaned: the write is
/// redone on top of it. Nothing is ever
/// silently overwritten. Readers follow through the content-changed event.
/// </summary>
public sealed partial class ContentWriter(ContentRepository repository, ContentStore store, ContentWriteLock writeLock, IOptions<ContentOptions> options, Telemetry.KbMetrics? metrics = null)
{
    /// <summary>Largest article text accepted from an editor.</summary>
    public const int MaxContentBytes = 1024 * 1024;

    /// <summary>The <see cref="SaveResult.Field"/> of a save given up because the branch kept moving.</summary>
    public const string BusyField = "repository";

    private const int Attempts = 3;

    /// <param name="attachments">Uploaded images committed in the same commit, beside the article.</param>
    /// <param name="branch">Another branch than the published one (a change request's); null for the published branch.</param>
    public Task<SaveResult> SaveAsync(string path, string content, string? baseRevision, CommitIdentity author, string? message, CancellationToken cancellationToken, IReadOnlyList<ArticleAttachment>? attachments = null, string? branch = null)
    {
        ArgumentNullException.ThrowIfNull(author);
        attachments ??= [];
        if ((ContentWriteRules.Validate(path, content, baseRevision) ?? ContentWriteRules.ValidateAttachments(path, attachments)) is { } rejected)
        {
            return Task.FromResult(rejected);
        }

        var bytes = Encoding.UTF8.GetBytes(content);
        return WriteAsync(branch, (repo, tip) => branch is not null && tip.Head is null
            ? SaveResult.Reject("branch", $"There is no branch `{branch}`.")
            : Save(repo, tip, path, bytes, baseRevision, author, message, attachments), cancellationToken);
    }

    /// <summary>Removes an article. With a base revision, refuses if the article changed since (it stays in history either way).</summary>
    public Task<SaveResult> DeleteAsync(string path, string? baseRevision, CommitIdentity author, string? message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(author);
        if (ArticlePaths.ValidateExisting(path) is { } pathError)
        {
            return Task.FromResult(SaveResult.Reject("path", pathError));
        }

        return WriteAsync(null, (repo, tip) =>
        {
            var file = FileOf(path);
            if (Existing(tip, file, baseRevision) is { Refusal: { } refusal })
            {
                return refusal;
            }

            var tree = TreeDefinition.From(tip.Head!.Tree);
            tree.Remove(file);
            var commit = Commit(repo, tip, tree, author, ContentWriteRules.CleanMessage(message) ?? $"Delete {path}");
            return new SaveResult(SaveStatus.Committed) { CommitSha = commit.Sha };
        }, cancellationToken);
    }

    /// <summary>
    /// Moves an article in one commit: the file (history follows it), its own and others' links kept working, and a
    /// redirect from the old path in <see cref="Redirects.FilePath"/> (see <see cref="ArticleMove"/>).
    /// </summary>
    public Task<SaveResult> MoveAsync(string from, string to, string? baseRevision, CommitIdentity author, string? message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(author);
        if (ArticlePaths.Validate(to) is { } toError)
        {
            return Task.FromResult(SaveResult.Reject("to", toError));
        }

        if (ArticlePaths.ValidateExisting(from) is { } fromError)
        {
            return Task.FromResult(SaveResult.Reject("path", fromError));
        }

        return WriteAsync(null, (repo, tip) =>
        {
            var oldFile = FileOf(from);
            var (blob, missing) = Existing(tip, oldFile, baseRevision);
            if (missing is not null)
            {
                return missing;
            }

            var (tree, refusal) = ArticleMove.Build(repo, tip.Head!, store.Current, from, oldFile, to, blob!);
            if (refusal is not null)
            {
                return refusal;
            }

            var commit = Commit(repo, tip, tree!, author, ContentWriteRules.CleanMessage(message) ?? $"Move {from} to {to}");
            return new SaveResult(SaveStatus.Committed) { CommitSha = commit.Sha, Revision = blob!.Sha };
        }, cancellationToken);
    }

    /// <summary>Puts an upload into the object database (unreferenced until an article saves it); returns its SHA.</summary>
    public string StoreBlob(byte[] bytes)
    {
        using var repo = repository.Open();
        return repo.ObjectDatabase.CreateBlob(new MemoryStream(bytes)).Sha;
    }

    /// <summary>The article file's text and blob SHA on the branch (the published one unless given), or null.</summary>
    public (string Text, string Revision)? Read(string path, string? branch = null)
    {
        using var repo = repository.Open();
        return Tip(repo, branch).Head?[FileOf(path)]?.Target is Blob blob && blob.Size <= 2 * MaxContentBytes ? (blob.GetContentText(), blob.Sha) : null;
    }

    /// <summary>Runs one write under the lock, redoing it if the branch moved underneath (a push); then refreshes readers.</summary>
    private async Task<SaveResult> WriteAsync(string? branch, Func<Repository, BranchTip, SaveResult> write, CancellationToken cancellationToken)
    {
        SaveResult? result = null;
        using var activity = Telemetry.KbTelemetry.Source.StartActivity("kb.save");
        using (await writeLock.AcquireAsync(cancellationToken).ConfigureAwait(false))
        {
            for (var attempt = 1; result is null; attempt++)
            {
                using var repo = repository.Open();
                try
                {
                    result = write(repo, Tip(repo, branch));
                }
                catch (BranchMovedException) when (attempt < Attempts)
                {
                    // The branch moved between reading its tip and advancing it (a push from outside the server):
                    // build again on the new tip, after a moment for that push to finish.
                    await Task.Delay(50 * attempt, cancellationToken).ConfigureAwait(false);
                }
                catch (BranchMovedException)
                {
                    result = SaveResult.Reject(BusyField, "The content repository kept changing while saving (pushes are arriving); nothing was saved. Try again.");
                }
            }
        }

        // Only the published branch reaches the help center, search and caches.
        var published = branch is null || branch == options.Value.Branch;
        activity?.SetTag("kb.save.status", result.Status.ToString());
        if (result is { Status: SaveStatus.Committed, Unchanged: false })
        {
            metrics?.Saved(published);
            if (published)
            {
                store.Refresh();
            }
        }

        return result;
    }

    private SaveResult Save(Repository repo, BranchTip tip, string path, byte[] bytes, string? baseRevision, CommitIdentity author, string? message, IReadOnlyList<ArticleAttachment> attachments)
    {
        var head = tip.Head;
        var file = FileOf(path);
        var current = head?[file]?.Target as Blob;
        if (current is null && head?[path] is not null)
        {
            return SaveResult.Reject("path", $"`{path}` is a folder; choose a name inside it.");
        }

        if (current is null && ContentWriteRules.RejectCollision(head?.Tree, file, "path") is { } collision)
        {
            return collision;
        }

        var mine = repo.ObjectDatabase.CreateBlob(new MemoryStream(bytes), file);
        var merged = false;
        if (current is not null && current.Sha != mine.Sha && current.Sha != baseRevision)
        {
            // Someone else saved since this editor opened the article (or it is a "create" of an existing path).
            var ancestor = baseRevision is null ? null : repo.Lookup<Blob>(baseRevision);
            if (baseRevision is not null && ancestor is null)
            {
                return SaveResult.Reject("baseRevision", $"`{baseRevision}` is not a revision of this repository.");
            }

            var resolved = ancestor is null ? null : TextMerge.Merge(repo, file, ancestor, current, mine);
            if (resolved is null)
            {
                return new SaveResult(SaveStatus.Conflict) { CurrentContent = current.GetContentText(), CurrentRevision = current.Sha };
            }

            mine = resolved;
            merged = true;
        }
        else if (current is null && baseRevision is not null)
        {
            // The editor opened an existing article that is gone now (deleted or moved): recreating it silently
            // would undo a colleague's change.
            return repo.Lookup<Blob>(baseRevision) is null
                ? SaveResult.Reject("baseRevision", $"`{baseRevision}` is not a revision of this repository.")
                : new SaveResult(SaveStatus.Conflict) { CurrentContent = null, CurrentRevision = null };
        }

        var files = new List<(string File, Blob Blob)>();
        foreach (var attachment in attachments)
        {
            // Checked again here, by content: a blob SHA from the request could name any object, not only an upload.
            var blob = repo.Lookup<Blob>(attachment.BlobSha);
            var image = blob is { Size: <= ImageTypes.MaxBytes } ? Bytes(blob) : null;
            if (blob is null || image is null || ImageTypes.Detect(image) is null)
            {
                return SaveResult.Reject("attachments", $"The upload for `{attachment.FilePath}` is missing or not an image; add the image again.");
            }

            // Uploads are checked as they arrive; a SHA in the request may name a pushed blob that never was.
            if (Images.ImageHeaders.Check(image, options.Value.MaxImagePixels) is { } tooLarge)
            {
                return SaveResult.Reject("attachments", $"`{attachment.FilePath}`: {tooLarge}.");
            }

            if (head?[attachment.FilePath]?.Target is Blob existing && existing.Sha != blob.Sha)
            {
                return SaveResult.Reject("attachments", $"`{attachment.FilePath}` already exists with other content; rename the image.");
            }

            if (ContentWriteRules.RejectCollision(head?.Tree, attachment.FilePath, "attachments") is { } imageCollision)
            {
                return imageCollision;
            }

            files.Add((attachment.FilePath, blob));
        }

        if (current is not null && current.Sha == mine.Sha && files.All(f => head?[f.File] is not null))
        {
            return new SaveResult(SaveStatus.Committed) { CommitSha = head!.Sha, Revision = mine.Sha, Unchanged = true, Merged = merged };
        }

        var tree = head is null ? new TreeDefinition() : TreeDefinition.From(head.Tree);
        tree.Add(file, mine, Mode.NonExecutableFile);
        foreach (var (attachmentFile, blob) in files)
        {
            tree.Add(attachmentFile, blob, Mode.NonExecutableFile);
        }

        var title = ContentWriteRules.TitleOf(bytes, path);
        var text = ContentWriteRules.CleanMessage(message) ?? (current is null ? $"Create {title}" : $"Update {title}");
        var commit = Commit(repo, tip, tree, author, text);
        return new SaveResult(SaveStatus.Committed) { CommitSha = commit.Sha, Revision = mine.Sha, Merged = merged, Created = current is null };
    }

    /// <summary>The article's blob, or why the operation cannot go on: it is gone, or changed since <paramref name="baseRevision"/>.</summary>
    private static (Blob? Blob, SaveResult? Refusal) Existing(BranchTip tip, string file, string? baseRevision)
    {
        if (tip.Head?[file]?.Target is not Blob blob)
        {
            return (null, new SaveResult(SaveStatus.NotFound));
        }

        return baseRevision is not null && blob.Sha != baseRevision
            ? (blob, new SaveResult(SaveStatus.Conflict) { CurrentContent = blob.GetContentText(), CurrentRevision = blob.Sha })
            : (blob, null);
    }

    /// <summary>A blob's bytes; callers bound its size first (images: at most <see cref="ImageTypes.MaxBytes"/>).</summary>
    private static byte[] Bytes(Blob blob)
    {
        using var stream = blob.GetContentStream();
        using var buffer = new MemoryStream((int)blob.Size);
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>The article's file: <c>.md</c> unless it already exists under another markdown extension.</summary>
    private string FileOf(string path) => store.Current.Articles.TryGetValue(path, out var article) ? article.FilePath : path + ".md";

    private BranchTip Tip(Repository repo, string? branch)
    {
        var name = branch ?? options.Value.Branch;
        return new BranchTip(name, repo.Branches[name]?.Tip);
    }

    private Commit Commit(Repository repo, BranchTip tip, TreeDefinition tree, CommitIdentity author, string message)
    {
        var now = DateTimeOffset.UtcNow;
        var authorSignature = new Signature(author.Name, author.Email, now);
        var committer = new Signature(options.Value.CommitterName, options.Value.CommitterEmail, now);
        var commit = repo.ObjectDatabase.CreateCommit(authorSignature, committer, message, repo.ObjectDatabase.CreateTree(tree), tip.Head is null ? [] : [tip.Head], prettifyMessage: true);

        GitRefs.CompareAndSwap(repo.Info.Path, "refs/heads/" + tip.Branch, commit.Sha, tip.Head?.Sha, "studio: " + message);
        return commit;
    }

    private sealed record BranchTip(string Branch, Commit? Head);
}
