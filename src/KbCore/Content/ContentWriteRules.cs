using System.Text;
using KbCore.Articles;

namespace KbCore.Content;

/// <summary>Checks on what authors send, made before any git call; and the small text rules commits follow.</summary>
internal static class ContentWriteRules
{
    public static SaveResult? Validate(string path, string content, string? baseRevision)
    {
        if (ArticlePaths.Validate(path) is { } pathError)
        {
            return SaveResult.Reject("path", pathError);
        }

        if (content is null || Encoding.UTF8.GetByteCount(content) > ContentWriter.MaxContentBytes)
        {
            return SaveResult.Reject("content", $"The article is larger than {ContentWriter.MaxContentBytes / 1024} KB; split it into several articles.");
        }

        if (baseRevision is not null && !IsSha(baseRevision))
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

        return Rendering.ArticleLimits.Check(content) is { } tooComplex ? SaveResult.Reject("content", tooComplex.Message) : null;
    }

    /// <summary>Attachments live in the article's folder (or below), with a safe name and an image extension.</summary>
    public static SaveResult? ValidateAttachments(string path, IReadOnlyList<ArticleAttachment> attachments)
    {
        var folder = path.LastIndexOf('/') is var slash and >= 0 ? path[..(slash + 1)] : string.Empty;
        foreach (var attachment in attachments)
        {
            var file = attachment.FilePath ?? string.Empty;
            var dot = file.LastIndexOf('.');
            if (!file.StartsWith(folder, StringComparison.Ordinal) || dot <= 0 ||
                file[(dot + 1)..] is not ("png" or "jpg" or "gif" or "webp") || ArticlePaths.Validate(file[..dot]) is not null ||
                !IsSha(attachment.BlobSha))
            {
                return SaveResult.Reject("attachments", $"`{file}` is not a valid image path beside this article.");
            }
        }

        return null;
    }

    /// <summary>
    /// The existing path a new file would collide with on macOS or Windows (same name but for letter case or
    /// Unicode normalization, at any level), or null. Walks only the folders on the way, never the whole tree.
    /// </summary>
    public static string? CaseCollision(LibGit2Sharp.Tree? root, string filePath)
    {
        var tree = root;
        var prefix = string.Empty;
        foreach (var part in filePath.Split('/'))
        {
            if (tree is null)
            {
                return null;
            }

            var key = PushedFiles.FoldKey(part);
            LibGit2Sharp.TreeEntry? same = null;
            foreach (var entry in tree)
            {
                if (entry.Name == part)
                {
                    same = entry;
                }
                else if (PushedFiles.FoldKey(entry.Name) == key)
                {
                    return prefix + entry.Name;
                }
            }

            tree = same?.Target as LibGit2Sharp.Tree;
            prefix += part + "/";
        }

        return null;
    }

    /// <summary>
    /// The refusal for a new file that <see cref="CaseCollision"/> finds, for <paramref name="field"/>; a file that is
    /// leaving (<paramref name="replaced"/>, a move that only changes letter case) does not count.
    /// </summary>
    public static SaveResult? RejectCollision(LibGit2Sharp.Tree? root, string filePath, string field, string? replaced = null) =>
        CaseCollision(root, filePath) is { } existing && existing != replaced
            ? SaveResult.Reject(field, $"`{filePath}` differs from the existing `{existing}` only by letter case or accents, which macOS and Windows treat as the same file; choose another name or use the existing one.")
            : null;

    public static bool IsSha(string? text) => text is { Length: 40 } && text.All(Uri.IsHexDigit);

    /// <summary>The author's message without control characters (newlines stay) and at most 2,000 characters; null when empty.</summary>
    public static string? CleanMessage(string? message)
    {
        var text = new string((message ?? string.Empty).Where(c => !char.IsControl(c) || c == '\n').ToArray()).Trim();
        return text.Length == 0 ? null : text.Length > 2000 ? text[..2000] : text;
    }

    public static string TitleOf(byte[] bytes, string path)
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

    /// <summary>True when <c>visibility: internal</c> in an <c>_index.md</c> at or above <paramref name="folder"/> makes articles there internal.</summary>
    public static bool IsInternalFolder(LibGit2Sharp.Commit head, string folder)
    {
        for (var path = folder; ; path = path.LastIndexOf('/') is var i and >= 0 ? path[..i] : string.Empty)
        {
            var index = path.Length == 0 ? "_index.md" : path + "/_index.md";
            if (head[index]?.Target is LibGit2Sharp.Blob { Size: <= 64 * 1024 } blob)
            {
                try
                {
                    if (FrontMatterParser.Parse(blob.GetContentText(), Visibility.Public).Metadata.Visibility == Visibility.Internal)
                    {
                        return true;
                    }
                }
                catch (FrontMatterException)
                {
                    // An unreadable _index.md: the snapshot reports it; it does not make the folder internal.
                }
            }

            if (path.Length == 0)
            {
                return false;
            }
        }
    }
}
