namespace KbCore.Content;

/// <summary>
/// Rules for article paths people write to (repository paths without <c>.md</c>). Checked before any git call:
/// a refused path never reaches the object database.
/// </summary>
public static class ArticlePaths
{
    public const int MaxLength = 200;
    public const int MaxSegmentLength = 100;

    /// <summary>What most file systems take for one name.</summary>
    public const int MaxSegmentBytes = 255;

    private static readonly HashSet<string> WindowsDevices = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    private static readonly HashSet<string> ReservedFirstSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "assets", "search", "healthz", "contact", "studio", "api", "openapi", "content.git",
    };

    private static readonly System.Buffers.SearchValues<char> ForbiddenCharacters = System.Buffers.SearchValues.Create("\\:*?\"<>|#%");

    /// <summary>A folder's settings file: front matter for the folder, never an article.</summary>
    public const string FolderSettingsFile = "_index.md";

    /// <summary>
    /// The one rule for "is this repository file an article?", the one the snapshot applies: a markdown file
    /// (<c>.md</c> or <c>.markdown</c>, in any letter case) outside dot folders (<c>.kb</c>, <c>.github</c>: tooling),
    /// other than a folder's <see cref="FolderSettingsFile"/>.
    /// </summary>
    public static bool IsArticleFile(string filePath) => ArticlePathOf(filePath) is not null;

    /// <summary>The article path (no extension) of the repository file <paramref name="filePath"/>; null when it is no article.</summary>
    public static string? ArticlePathOf(string filePath)
    {
        ArgumentNullException.ThrowIfNull(filePath);
        var slash = filePath.LastIndexOf('/');
        var name = filePath[(slash + 1)..];
        if (IsFolderSettingsFile(name) || filePath.StartsWith('.') || filePath.Contains("/.", StringComparison.Ordinal))
        {
            return null;
        }

        var dot = name.LastIndexOf('.');
        var extension = dot < 0 ? string.Empty : name[dot..];
        return extension.Equals(".md", StringComparison.OrdinalIgnoreCase) || extension.Equals(".markdown", StringComparison.OrdinalIgnoreCase)
            ? filePath[..(filePath.Length - extension.Length)]
            : null;
    }

    /// <summary>True when the file name (or path) ends in a folder's settings file, in any letter case.</summary>
    public static bool IsFolderSettingsFile(string filePath) =>
        filePath.Equals(FolderSettingsFile, StringComparison.OrdinalIgnoreCase)
        || filePath.EndsWith("/" + FolderSettingsFile, StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when the path may be written; otherwise why not, in words for the author.</summary>
    public static string? Validate(string? path) => Check(path, portable: true, article: true);

    /// <summary>
    /// Null when a file that is not an article (an image, the catalog, a <c>.gitattributes</c>) may be written under
    /// <paramref name="filePath"/>, a repository path with its extension. The article rules apply to every part,
    /// except that a part may start with a dot, unless it spells <c>.git</c>.
    /// </summary>
    public static string? ValidateFile(string? filePath)
    {
        if (string.IsNullOrWhiteSpace(filePath))
        {
            return "Enter a path.";
        }

        var parts = filePath.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length > 1 && parts[i][0] == '.' && parts[i] != "..")
            {
                if (parts[i].Normalize(System.Text.NormalizationForm.FormKC).TrimEnd('.', ' ').Equals(".git", StringComparison.OrdinalIgnoreCase))
                {
                    return $"`{parts[i]}` is git's own folder.";
                }

                parts[i] = "_" + parts[i][1..];
            }
        }

        return Check(string.Join('/', parts), portable: true, article: false);
    }

    /// <summary>
    /// Null when <paramref name="path"/> is safe to name an article that may already exist (to delete it, or move it
    /// to a better name): the safety rules only, without those that keep new names portable, so a file pushed with a
    /// name the studio would refuse can still be renamed or removed from the studio.
    /// </summary>
    public static string? ValidateExisting(string? path) => Check(path, portable: false, article: true);

    private static string? Check(string? path, bool portable, bool article)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "Enter a path, like billing/refund-a-payment.";
        }

        if (article && path.Length > MaxLength)
        {
            return $"The path is longer than {MaxLength} characters.";
        }

        if (path.Any(char.IsControl))
        {
            return "The path contains control characters.";
        }

        if (portable && path.FirstOrDefault(IsInvisible) is var invisible and not default(char))
        {
            return $"The path contains an invisible or direction-changing character (U+{(int)invisible:X4}); type the name again without it.";
        }

        if (portable && !path.IsNormalized(System.Text.NormalizationForm.FormC))
        {
            // macOS and Windows would show the same name for two spellings of it: one spelling only.
            return "The path mixes decomposed accents into its letters; type it again (Unicode NFC).";
        }

        if (path.AsSpan().IndexOfAny(ForbiddenCharacters) is var bad and >= 0)
        {
            return $"The path cannot contain `{path[bad]}`.";
        }

        var segments = path.Split('/');
        foreach (var segment in segments)
        {
            if (segment.Length == 0)
            {
                return "The path has an empty part (a leading, trailing or double `/`).";
            }

            if (segment == "..")
            {
                return "The path cannot contain `..`.";
            }

            if (segment.StartsWith('.'))
            {
                return $"`{segment}`: parts of a path cannot start with a dot (`.git` and hidden files are not articles).";
            }

            if (segment.Length > MaxSegmentLength || System.Text.Encoding.UTF8.GetByteCount(segment) > MaxSegmentBytes)
            {
                return $"`{segment[..Math.Min(20, segment.Length)]}…` is longer than {MaxSegmentLength} characters.";
            }

            if (portable && SegmentProblem(segment) is { } problem)
            {
                return problem;
            }

            if (segment != segment.Trim())
            {
                return $"`{segment}` starts or ends with a space.";
            }
        }

        if (!article)
        {
            return null;
        }

        if (ReservedFirstSegments.Contains(segments[0]))
        {
            return $"`/{segments[0]}` belongs to the help center itself; choose another first folder.";
        }

        if (segments[^1].Equals("_index", StringComparison.OrdinalIgnoreCase))
        {
            return "`_index` describes a folder; it is not an article.";
        }

        return path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? "Leave out the `.md` extension." : null;
    }

    /// <summary>
    /// Names git, Windows or macOS treat specially, so that no clone anywhere breaks on an article's file: the 8.3
    /// short name of <c>.git</c> (<c>git~1</c>), a <c>.git</c> spelled with look-alike dots, Windows device names
    /// with or without an extension, names ending in a dot (Windows drops it), and names starting with a dash
    /// (read as an option by command-line tools).
    /// </summary>
    private static string? SegmentProblem(string segment)
    {
        var device = segment.IndexOf('.') is var dot and > 0 ? segment[..dot] : segment;
        if (WindowsDevices.Contains(device.TrimEnd()))
        {
            return $"`{segment}` is a reserved device name on Windows; choose another name.";
        }

        if (segment.StartsWith("git~", StringComparison.OrdinalIgnoreCase))
        {
            return $"`{segment}` is how Windows abbreviates `.git`; choose another name.";
        }

        if (segment.Normalize(System.Text.NormalizationForm.FormKC).StartsWith('.'))
        {
            return $"`{segment}` starts with a character that reads as a dot; parts of a path cannot start with a dot.";
        }

        if (segment.EndsWith('.'))
        {
            return $"`{segment}` ends with a dot, which Windows removes; choose another name.";
        }

        return segment.StartsWith('-') ? $"`{segment}` starts with a dash, which git and other tools read as an option." : null;
    }

    /// <summary>Zero-width, direction-changing and replacement characters: they make two different names look the same.</summary>
    private static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF' or '\uFFFD' or '\u061C'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    /// <summary>A path segment from a title: lower case, words joined by hyphens, letters and digits only.</summary>
    public static string Slugify(string title)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in (title ?? string.Empty).Normalize(System.Text.NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c) && c < 128)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsLetterOrDigit(c) && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length > 80 ? slug[..80].TrimEnd('-') : slug;
    }
}
