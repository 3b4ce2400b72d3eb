namespace KbCore.Content;

/// <summary>
/// Rules for article paths people write to (repository paths without <c>.md</c>). Checked before any git call:
/// a refused path never reaches the object database.
/// </summary>
public static class ArticlePaths
{
    public const int MaxLength = 200;
    public const int MaxSegmentLength = 100;

    private static readonly HashSet<string> ReservedFirstSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "assets", "search", "healthz", "contact", "studio", "api", "openapi", "content.git",
    };

    private static readonly System.Buffers.SearchValues<char> ForbiddenCharacters = System.Buffers.SearchValues.Create("\\:*?\"<>|#%");

    /// <summary>Null when the path may be written; otherwise why not, in words for the author.</summary>
    public static string? Validate(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "Enter a path, like billing/refund-a-payment.";
        }

        if (path.Length > MaxLength)
        {
            return $"The path is longer than {MaxLength} characters.";
        }

        if (path.Any(char.IsControl))
        {
            return "The path contains control characters.";
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

            if (segment.Length > MaxSegmentLength)
            {
                return $"`{segment[..20]}…` is longer than {MaxSegmentLength} characters.";
            }

            if (segment != segment.Trim())
            {
                return $"`{segment}` starts or ends with a space.";
            }
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
