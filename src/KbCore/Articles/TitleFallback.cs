namespace KbCore.Articles;

/// <summary>Titles for files that do not declare one: the first heading, else the file name made readable.</summary>
public static class TitleFallback
{
    /// <summary>The text of the first ATX heading (<c># Title</c>) in the first 200 lines, if any.</summary>
    public static string? FromFirstHeading(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var inFence = false;
        var lines = 0;
        foreach (var raw in markdown.AsSpan().EnumerateLines())
        {
            if (++lines > 200)
            {
                break;
            }

            var line = raw.TrimStart();
            if (line.StartsWith("```") || line.StartsWith("~~~"))
            {
                inFence = !inFence;
            }
            else if (!inFence && ParseAtxHeading(line) is { Length: > 0 } heading)
            {
                return heading;
            }
        }

        return null;
    }

    /// <summary><c>reset-your-password</c> becomes <c>Reset your password</c>.</summary>
    public static string FromFileName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = name.Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? name : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>
    /// The text of <c>## Heading ##</c>, scanned in one pass: content is untrusted, and a backtracking
    /// pattern over a long line can stall every snapshot build.
    /// </summary>
    private static string? ParseAtxHeading(ReadOnlySpan<char> line)
    {
        var level = 0;
        while (level < line.Length && line[level] == '#')
        {
            level++;
        }

        if (level is 0 or > 6 || level == line.Length || line[level] is not (' ' or '\t'))
        {
            return null;
        }

        var text = line[level..].Trim();
        var closing = text.TrimEnd('#');
        if (closing.Length == 0 || char.IsWhiteSpace(closing[^1]))
        {
            text = closing.TrimEnd();
        }

        return text.ToString();
    }
}
