using System.Text;

namespace KbCore.Content;

/// <summary>
/// The rules for files that arrive by push, where nothing checked them before they were written: the same rules the
/// studio and the API apply, in words a pusher reads in git's <c>remote:</c> lines. Null always means "may land".
/// </summary>
public static class PushedFiles
{
    /// <summary>Longest repository path a push may add, in UTF-8 bytes.</summary>
    public const int MaxPathBytes = 1024;

    /// <summary>Null when a file may be added under <paramref name="filePath"/> (a repository path with its extension).</summary>
    public static string? CheckPath(string filePath)
    {
        if (Encoding.UTF8.GetByteCount(filePath) > MaxPathBytes)
        {
            return $"the path is longer than {MaxPathBytes} bytes";
        }

        if (IsServedMarkdown(filePath))
        {
            var stem = filePath[..filePath.LastIndexOf('.')];
            var slash = stem.LastIndexOf('/');
            if (ArticlePaths.IsFolderSettingsFile(filePath))
            {
                return slash < 0 ? null : ArticlePaths.Validate(stem[..slash]);
            }

            return ArticlePaths.Validate(stem);
        }

        return ArticlePaths.ValidateFile(filePath);
    }

    /// <summary>
    /// Null when the bytes pushed for <paramref name="filePath"/> may land: articles within the size and shape limits
    /// every writer gets, images that are what their extension says, with a readable header within the pixel cap.
    /// </summary>
    /// <param name="maxImagePixels">The installation's <see cref="ContentOptions.MaxImagePixels"/>.</param>
    public static string? CheckContent(string filePath, ReadOnlySpan<byte> content, long maxImagePixels = Images.ImageHeaders.DefaultMaxPixels)
    {
        if (IsServedMarkdown(filePath))
        {
            if (content.Length > ContentWriter.MaxContentBytes)
            {
                return $"the article is larger than {ContentWriter.MaxContentBytes / 1024} KB; split it into several articles";
            }

            return Rendering.ArticleLimits.Check(Encoding.UTF8.GetString(content))?.Message;
        }

        var dot = filePath.LastIndexOf('.');
        var extension = dot < 0 ? string.Empty : filePath[(dot + 1)..].ToLowerInvariant();
        if (extension is "png" or "jpg" or "jpeg" or "gif" or "webp")
        {
            if (content.Length > ImageTypes.MaxBytes)
            {
                return $"the image is larger than {ImageTypes.MaxBytes / (1024 * 1024)} MB";
            }

            return ImageTypes.Detect(content) is null ? "the file is not a PNG, JPEG, GIF or WebP image" : Images.ImageHeaders.Check(content, maxImagePixels);
        }

        return null;
    }

    /// <summary>
    /// Markdown the help center serves (an article or a folder's settings in any letter case, <c>.markdown</c> too)
    /// gets the article rules; so does any other <c>.md</c>, as it always has. A <c>Guide.MD</c> that skipped the
    /// limits would still be rendered.
    /// </summary>
    private static bool IsServedMarkdown(string filePath) =>
        filePath.EndsWith(".md", StringComparison.Ordinal) || ArticlePaths.IsArticleFile(filePath) || ArticlePaths.IsFolderSettingsFile(filePath);

    /// <summary>
    /// Null unless <paramref name="filePath"/> names the same file as one of <paramref name="existingPaths"/> on a
    /// case-insensitive or normalizing file system (macOS, Windows) without being the same string: such a pair breaks
    /// every clone there.
    /// </summary>
    public static string? CheckCollision(string filePath, IEnumerable<string> existingPaths)
    {
        var key = FoldKey(filePath);
        foreach (var existing in existingPaths)
        {
            if (!string.Equals(existing, filePath, StringComparison.Ordinal) && string.Equals(FoldKey(existing), key, StringComparison.Ordinal))
            {
                return $"it differs from `{existing}` only by letter case or accents, which macOS and Windows treat as the same file";
            }
        }

        return null;
    }

    /// <summary>
    /// The name a case-insensitive, normalizing file system sees: NFC, then upper case. Folders collide too, so it is
    /// applied to the whole path.
    /// </summary>
    public static string FoldKey(string path) => path.Normalize(NormalizationForm.FormC).ToUpperInvariant();
}
