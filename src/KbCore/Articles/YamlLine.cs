namespace KbCore.Articles;

/// <summary>
/// What one line of front matter holds, read from its characters: a top-level key, where its value starts, where a
/// trailing comment starts. Enough to edit front matter line by line; what the YAML means is still the parser's
/// call, and <see cref="FrontMatterDocument"/> checks its reading of the lines against the parser's keys.
/// </summary>
internal static class YamlLine
{
    /// <summary>The line without its terminator (<c>\n</c> or <c>\r\n</c>).</summary>
    public static string Content(string raw) => raw.EndsWith('\n') ? raw[..^(raw.EndsWith("\r\n", StringComparison.Ordinal) ? 2 : 1)] : raw;

    public static bool IsBlank(string raw) => Content(raw).Trim(' ', '\t').Length == 0;

    /// <summary>A blank line or a whole-line comment, at any indentation.</summary>
    public static bool IsBlankOrComment(string raw) => Content(raw).TrimStart(' ', '\t') is "" or ['#', ..];

    /// <summary>The top-level key this line starts (at column 0), or null; <paramref name="colon"/> is the index of its <c>:</c>.</summary>
    public static string? Key(string content, out int colon)
    {
        colon = -1;
        if (content.Length == 0 || content[0] is ' ' or '\t' or '#' || (content[0] == '-' && (content.Length == 1 || content[1] is ' ' or '\t')))
        {
            return null;
        }

        if (content[0] is '"' or '\'')
        {
            var end = QuotedEnd(content, 0);
            var i = end;
            while (i > 0 && i < content.Length && content[i] is ' ' or '\t')
            {
                i++;
            }

            if (end < 0 || !IsColon(content, i))
            {
                return null;
            }

            colon = i;
            var inner = content[1..(end - 1)];
            return content[0] == '\'' ? inner.Replace("''", "'", StringComparison.Ordinal) : inner.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        }

        // Indicators (complex keys, flow collections, anchors, tags, block scalars) are not keys this editor handles.
        if ("?[]{},&*!|>%@`".Contains(content[0], StringComparison.Ordinal))
        {
            return null;
        }

        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == '#' && i > 0 && content[i - 1] is ' ' or '\t')
            {
                return null;
            }

            if (IsColon(content, i))
            {
                colon = i;
                return content[..i].TrimEnd(' ', '\t');
            }
        }

        return null;
    }

    /// <summary>Where the value after the key's colon starts (past the spaces), or the end of the line when there is none.</summary>
    public static int ValueStart(string content, int colon)
    {
        var i = colon + 1;
        while (i < content.Length && content[i] is ' ' or '\t')
        {
            i++;
        }

        return i < content.Length && content[i] == '#' ? content.Length : i;
    }

    /// <summary>Where a trailing comment starts, with the whitespace before it; the line's length when it has none.</summary>
    public static int CommentStart(string content, int from)
    {
        var quote = '\0';
        for (var i = from; i < content.Length; i++)
        {
            var c = content[i];
            if (quote == '"')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quote = '\0';
                }
            }
            else if (quote == '\'')
            {
                if (c == '\'' && i + 1 < content.Length && content[i + 1] == '\'')
                {
                    i++;
                }
                else if (c == '\'')
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'' && (i == from || content[i - 1] is ' ' or '\t' or '[' or '{' or ','))
            {
                // A quote opens a scalar only where a token starts: the apostrophe in `it's` is text.
                quote = c;
            }
            else if (c == '#' && (i == from || content[i - 1] is ' ' or '\t'))
            {
                var start = i;
                while (start > from && content[start - 1] is ' ' or '\t')
                {
                    start--;
                }

                return start;
            }
        }

        return content.Length;
    }

    /// <summary>Where the value ends: before a trailing comment and the whitespace before it.</summary>
    public static int ValueEnd(string content, int valueStart)
    {
        var end = CommentStart(content, valueStart);
        while (end > valueStart && content[end - 1] is ' ' or '\t')
        {
            end--;
        }

        return end;
    }

    private static bool IsColon(string content, int i) =>
        i >= 0 && i < content.Length && content[i] == ':' && (i + 1 == content.Length || content[i + 1] is ' ' or '\t');

    /// <summary>The index after the quoted scalar starting at <paramref name="start"/>, or -1 when it does not close on the line.</summary>
    private static int QuotedEnd(string content, int start)
    {
        var quote = content[start];
        for (var i = start + 1; i < content.Length; i++)
        {
            if (quote == '"' && content[i] == '\\')
            {
                i++;
            }
            else if (content[i] == quote)
            {
                if (quote == '\'' && i + 1 < content.Length && content[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                return i + 1;
            }
        }

        return -1;
    }
}
