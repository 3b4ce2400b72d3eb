using System.Text;
using KbCore.Articles;
using LibGit2Sharp;
using Microsoft.Extensions.Options;

namespace KbCore.Content;

/// <summary>
/// The single writer of DESIGN "Storage": saves and deletes articles as commits on the published branch, built in
/// the object database (no work tree), one at a time under <see cref="ContentWriteLock"/>. An edit carries the
/// blob it started from; if the article moved on meanwhile, non-overlapping edits are merged and overlapping ones
/// come back as a conflict. Nothing is ever silently overwritten. Readers follow through the content-changed event.
/// </summary>
public sealed class ContentWriter(ContentRepository repository, ContentStore store, ContentWriteLock writeLock, IOptions<ContentOptions> options)
{
    /// <summary>Largest article text accepted from an editor.</summary>
    public const int MaxContentBytes = 1024 * 1024;

    /// <param name="attachments">Uploaded images committed in the same commit, beside the article.</param>
    public async Task<SaveResult> SaveAsync(string path, string content, string? baseRevision, CommitIdentity author, string? message, CancellationToken cancellationToken, IReadOnlyList<ArticleAttachment>? attachments = null)
    {
        ArgumentNullException.ThrowIfNull(author);
        attachments ??= [];
        if ((Validate(path, content, baseRevision) ?? ValidateAttachments(path, attachments)) is { } rejected)
        {
            return rejected;
        }

        var bytes = Encoding.UTF8.GetBytes(content);
        SaveResult result;
        using (await writeLock.AcquireAsync(cancellationToken).ConfigureAwait(false))
        {
            result = Save(path, bytes, baseRevision, author, message, attachments);
        }

        if (result is { Status: SaveStatus.Committed, Unchanged: false })
        {
            store.Refresh();
        }

        return result;
    }

    /// <summary>Removes an article. With a base revision, refuses if the article changed since (it stays in history either way).</summary>
    public async Task<SaveResult> DeleteAsync(string path, string? baseRevision, CommitIdentity author, string? message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(author);
        if (ArticlePaths.Validate(path) is { } pathError)
        {
            return SaveResult.Reject("path", pathError);
        }

        SaveResult result;
        using (await writeLock.AcquireAsync(cancellationToken).ConfigureAwait(false))
        {
            using var repo = repository.Open();
            var head = Head(repo);
            var file = FileOf(path);
            if (head?[file]?.Target is not Blob current)
            {
                return new SaveResult(SaveStatus.NotFound);
            }

            if (baseRevision is not null && current.Sha != baseRevision)
            {
                return new SaveResult(SaveStatus.Conflict) { CurrentContent = current.GetContentText(), CurrentRevision = current.Sha };
            }

            var tree = TreeDefinition.From(head.Tree);
            tree.Remove(file);
            var commit = Commit(repo, head, tree, author, CleanMessage(message) ?? $"Delete {path}");
            result = new SaveResult(SaveStatus.Committed) { CommitSha = commit.Sha };
        }

        store.Refresh();
        return result;
    }

    /// <summary>
    /// Moves an article in one commit: the file (history follows it), links in other articles rewritten, and a
    /// redirect from the old path in <see cref="Redirects.FilePath"/>.
    /// </summary>
    public async Task<SaveResult> MoveAsync(string from, string to, string? baseRevision, CommitIdentity author, string? message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(author);
        if (ArticlePaths.Validate(to) is { } toError)
        {
            return SaveResult.Reject("to", toError);
        }

        if (ArticlePaths.Validate(from) is { } fromError)
        {
            return SaveResult.Reject("path", fromError);
        }

        SaveResult result;
        using (await writeLock.AcquireAsync(cancellationToken).ConfigureAwait(false))
        {
            using var repo = repository.Open();
            var head = Head(repo);
            var oldFile = FileOf(from);
            var newFile = to + oldFile[oldFile.LastIndexOf('.')..];
            if (head?[oldFile]?.Target is not Blob blob)
            {
                return new SaveResult(SaveStatus.NotFound);
            }

            if (baseRevision is not null && blob.Sha != baseRevision)
            {
                return new SaveResult(SaveStatus.Conflict) { CurrentContent = blob.GetContentText(), CurrentRevision = blob.Sha };
            }

            if (head[newFile] is not null || store.Current.Articles.ContainsKey(to))
            {
                return SaveResult.Reject("to", $"There is already an article at `{to}`.");
            }

            var tree = TreeDefinition.From(head.Tree);
            tree.Remove(oldFile);
            tree.Add(newFile, blob, Mode.NonExecutableFile);
            // Only articles whose text mentions the moved file's name can link to it.
            var slug = from[(from.LastIndexOf('/') + 1)..];
            foreach (var other in store.Current.Articles.Values.Where(a => a.Path != from && a.Body.Contains(slug, StringComparison.Ordinal)))
            {
                if (head[other.FilePath]?.Target is Blob otherBlob && LinkUpdater.Rewrite(otherBlob.GetContentText(), other.FilePath, from, to) is { } rewritten)
                {
                    tree.Add(other.FilePath, repo.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes(rewritten)), other.FilePath), Mode.NonExecutableFile);
                }
            }

            var current = head[Redirects.FilePath]?.Target is Blob existing ? Redirects.Parse(existing.GetContentText()) : Redirects.Empty;
            var redirects = Redirects.WithMove(current, from, to);
            tree.Add(Redirects.FilePath, repo.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes(Redirects.Serialize(redirects)))), Mode.NonExecutableFile);
            var commit = Commit(repo, head, tree, author, CleanMessage(message) ?? $"Move {from} to {to}");
            result = new SaveResult(SaveStatus.Committed) { CommitSha = commit.Sha, Revision = blob.Sha };
        }

        store.Refresh();
        return result;
    }

    /// <summary>Puts an upload into the object database (unreferenced until an article saves it); returns its SHA.</summary>
    public string StoreBlob(byte[] bytes)
    {
        using var repo = repository.Open();
        return repo.ObjectDatabase.CreateBlob(new MemoryStream(bytes)).Sha;
    }

    /// <summary>True when <paramref name="file"/> exists on the branch.</summary>
    public bool Exists(string file)
    {
        using var repo = repository.Open();
        return Head(repo)?[file] is not null;
    }

    /// <summary>The article file's text and blob SHA on the branch, or null.</summary>
    public (string Text, string Revision)? Read(string path)
    {
        using var repo = repository.Open();
        return Head(repo)?[FileOf(path)]?.Target is Blob blob && blob.Size <= 2 * MaxContentBytes ? (blob.GetContentText(), blob.Sha) : null;
    }

    private SaveResult Save(string path, byte[] bytes, string? baseRevision, CommitIdentity author, string? message, IReadOnlyList<ArticleAttachment> attachments)
    {
        using var repo = repository.Open();
        var head = Head(repo);
        var file = FileOf(path);
        var current = head?[file]?.Target as Blob;
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
            if (repo.Lookup<Blob>(attachment.BlobSha) is not { } blob || blob.Size > ImageTypes.MaxBytes)
            {
                return SaveResult.Reject("attachments", $"The upload for `{attachment.FilePath}` has expired; add the image again.");
            }

            if (head?[attachment.FilePath]?.Target is Blob existing && existing.Sha != blob.Sha)
            {
                return SaveResult.Reject("attachments", $"`{attachment.FilePath}` already exists with other content; rename the image.");
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

        var title = TitleOf(bytes, path);
        var text = CleanMessage(message) ?? (current is null ? $"Create {title}" : $"Update {title}");
        var commit = Commit(repo, head, tree, author, text);
        return new SaveResult(SaveStatus.Committed) { CommitSha = commit.Sha, Revision = mine.Sha, Merged = merged, Created = current is null };
    }

    /// <summary>The article's file: <c>.md</c> unless it already exists under another markdown extension.</summary>
    private string FileOf(string path) => store.Current.Articles.TryGetValue(path, out var article) ? article.FilePath : path + ".md";

    private Commit? Head(Repository repo) => repo.Branches[options.Value.Branch]?.Tip;

    private Commit Commit(Repository repo, Commit? head, TreeDefinition tree, CommitIdentity author, string message)
    {
        var now = DateTimeOffset.UtcNow;
        var authorSignature = new Signature(author.Name, author.Email, now);
        var committer = new Signature(options.Value.CommitterName, options.Value.CommitterEmail, now);
        var commit = repo.ObjectDatabase.CreateCommit(authorSignature, committer, message, repo.ObjectDatabase.CreateTree(tree), head is null ? [] : [head], prettifyMessage: true);
        var branch = "refs/heads/" + options.Value.Branch;
        if (repo.Refs[branch] is { } reference)
        {
            repo.Refs.UpdateTarget(reference, commit.Id, "studio: " + message);
        }
        else
        {
            repo.Refs.Add(branch, commit.Id, "studio: " + message);
        }

        return commit;
    }

    private static SaveResult? Validate(string path, string content, string? baseRevision)
    {
        if (ArticlePaths.Validate(path) is { } pathError)
        {
            return SaveResult.Reject("path", pathError);
        }

        if (content is null || Encoding.UTF8.GetByteCount(content) > MaxContentBytes)
        {
            return SaveResult.Reject("content", $"The article is larger than {MaxContentBytes / 1024} KB; split it into several articles.");
        }

        if (baseRevision is not null && (baseRevision.Length != 40 || !baseRevision.All(Uri.IsHexDigit)))
        {
            return SaveResult.Reject("baseRevision", "`baseRevision` must be the 40-character blob SHA the edit started from.");
        }

        try
        {
            FrontMatterParser.Parse(content, Visibility.Internal);
        }
        catch (FrontMatterException e)
        {
            return SaveResult.Reject("frontMatter", $"Front matter, line {e.Line}: {e.Message}");
        }

        return null;
    }

    /// <summary>Attachments live in the article's folder (or below), with a safe name and an image extension.</summary>
    private static SaveResult? ValidateAttachments(string path, IReadOnlyList<ArticleAttachment> attachments)
    {
        var folder = path.LastIndexOf('/') is var slash and >= 0 ? path[..(slash + 1)] : string.Empty;
        foreach (var attachment in attachments)
        {
            var file = attachment.FilePath ?? string.Empty;
            var dot = file.LastIndexOf('.');
            if (!file.StartsWith(folder, StringComparison.Ordinal) || dot <= 0 ||
                file[(dot + 1)..] is not ("png" or "jpg" or "gif" or "webp") || ArticlePaths.Validate(file[..dot]) is not null ||
                attachment.BlobSha is not { Length: 40 } sha || !sha.All(Uri.IsHexDigit))
            {
                return SaveResult.Reject("attachments", $"`{file}` is not a valid image path beside this article.");
            }
        }

        return null;
    }

    /// <summary>The author's message without control characters (newlines stay) and at most 2,000 characters; null when empty.</summary>
    private static string? CleanMessage(string? message)
    {
        var text = new string((message ?? string.Empty).Where(c => !char.IsControl(c) || c == '\n').ToArray()).Trim();
        return text.Length == 0 ? null : text.Length > 2000 ? text[..2000] : text;
    }

    private static string TitleOf(byte[] bytes, string path)
    {
        try
        {
            var parsed = FrontMatterParser.Parse(Encoding.UTF8.GetString(bytes), Visibility.Internal);
            return parsed.Metadata.Title ?? TitleFallback.FromFileName(path[(path.LastIndexOf('/') + 1)..]);
        }
        catch (FrontMatterException)
        {
            return path;
        }
    }
}
