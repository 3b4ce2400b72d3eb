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

    public async Task<SaveResult> SaveAsync(string path, string content, string? baseRevision, CommitIdentity author, string? message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(author);
        if (Validate(path, content, baseRevision) is { } rejected)
        {
            return rejected;
        }

        var bytes = Encoding.UTF8.GetBytes(content);
        SaveResult result;
        using (await writeLock.AcquireAsync(cancellationToken).ConfigureAwait(false))
        {
            result = Save(path, bytes, baseRevision, author, message);
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

    private SaveResult Save(string path, byte[] bytes, string? baseRevision, CommitIdentity author, string? message)
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

        if (current is not null && current.Sha == mine.Sha)
        {
            return new SaveResult(SaveStatus.Committed) { CommitSha = head!.Sha, Revision = mine.Sha, Unchanged = true, Merged = merged };
        }

        var tree = head is null ? new TreeDefinition() : TreeDefinition.From(head.Tree);
        tree.Add(file, mine, Mode.NonExecutableFile);
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
