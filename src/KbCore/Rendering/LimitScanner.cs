namespace KbCore.Rendering;

/// <summary>
/// The single pass behind <see cref="ArticleLimits.Check"/>: one line at a time, with the little state markdown
/// needs (front matter, fenced code, the current paragraph and table), and counters for the whole article.
/// </summary>
internal sealed class LimitScanner(int firstLine)
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    private int _line = firstLine - 1;
    private char _fence;
    private int _fenceLength;
    private int _paragraphChars;
    private int _emphasisDepth;
    private bool _inTable;
    private int _htmlDepth;
    private int _inlineHtmlDepth;
    private int _deepestEmphasis;
    private int _deepestHtml;
    private int _headings;
    private int _blocks;
    private int _cells;
    private int _footnotes;
    private int _links;

    public LimitViolation? Scan(string markdown)
    {
        var lines = markdown.AsSpan().EnumerateLines();
        var first = true;
        var inFrontMatter = false;
        foreach (var line in lines)
        {
            _line++;
            if (line.Length > ArticleLimits.MaxLineChars)
            {
                return Broken("line", line.Length, ArticleLimits.MaxLineChars,
                    $"Line {LineNumber} is {Number(line.Length)} characters long; lines can have at most {Number(ArticleLimits.MaxLineChars)}. Break it into paragraphs.");
            }

            if (first && line.TrimEnd() is "---")
            {
                inFrontMatter = true;
                first = false;
                continue;
            }

            first = false;
            if (inFrontMatter)
            {
                inFrontMatter = line.TrimEnd() is not ("---" or "...");
                continue;
            }

            if (ScanLine(line) is { } broken)
            {
                return broken;
            }
        }

        return null;
    }

    private LimitViolation? ScanLine(ReadOnlySpan<char> line)
    {
        if (Fence(line))
        {
            return null;
        }

        if (line.IsWhiteSpace())
        {
            EndParagraph();
            return null;
        }

        // Block quote markers and indentation: the nesting a renderer recurses into.
        var rest = line;
        var quotes = 0;
        while (rest.TrimStart(' ') is ['>', ..] quoted)
        {
            quotes++;
            rest = quoted[1..];
        }

        var indent = rest.Length - rest.TrimStart(" \t").Length;
        rest = rest.TrimStart(" \t");
        var listItem = IsListMarker(rest);
        var depth = quotes + (listItem ? (indent / 2) + 1 : 0);
        if (depth > ArticleLimits.MaxNesting)
        {
            return Broken("nesting", depth, ArticleLimits.MaxNesting,
                $"Line {LineNumber} nests lists and quotes {Number(depth)} levels deep; at most {ArticleLimits.MaxNesting} are allowed.");
        }

        if (Inline(line) is { } inline)
        {
            return inline;
        }

        if (IsAtxHeading(rest) || (_paragraphChars > 0 && !_inTable && IsSetextUnderline(rest)))
        {
            EndParagraph();
            return CountHeading() ?? CountBlock();
        }

        if (rest.Contains('|') && Table(rest) is var (isTableRow, tableBroken))
        {
            if (tableBroken is not null || isTableRow)
            {
                return tableBroken ?? CountBlock();
            }
        }

        if (listItem)
        {
            EndParagraph();
        }

        if (_paragraphChars == 0 && CountBlock() is { } tooMany)
        {
            return tooMany;
        }

        _paragraphChars += rest.Length;
        return _paragraphChars > ArticleLimits.MaxParagraphChars
            ? Broken("paragraph", _paragraphChars, ArticleLimits.MaxParagraphChars,
                $"The paragraph ending on line {LineNumber} has more than {Number(ArticleLimits.MaxParagraphChars)} characters; add blank lines between paragraphs.")
            : null;
    }

    /// <summary>True when the line opens, closes or sits inside fenced code, which no limit but line length covers.</summary>
    private bool Fence(ReadOnlySpan<char> line)
    {
        var trimmed = line.TrimStart(' ');
        var marker = trimmed is ['`', ..] ? '`' : trimmed is ['~', ..] ? '~' : '\0';
        var run = marker == '\0' ? 0 : trimmed.Length - trimmed.TrimStart(marker).Length;
        if (_fence != '\0')
        {
            if (marker == _fence && run >= _fenceLength && trimmed[run..].IsWhiteSpace())
            {
                _fence = '\0';
            }

            return true;
        }

        if (run >= 3 && line.Length - trimmed.Length <= 3)
        {
            EndParagraph();
            _fence = marker;
            _fenceLength = run;
            return true;
        }

        return false;
    }

    /// <summary>Links, footnotes, emphasis and HTML nesting on one line.</summary>
    private LimitViolation? Inline(ReadOnlySpan<char> line)
    {
        // Table cells are separate inline runs: emphasis never spans them.
        if (_inTable)
        {
            _emphasisDepth = 0;
        }

        var blockHtml = line.TrimStart(' ') is ['<', ..];
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var next = i + 1 < line.Length ? line[i + 1] : '\0';
            if (c == '`' && CodeSpanEnd(line, i) is var end and > 0)
            {
                // `<user Alias>` or `*.*` in code is text, not markup.
                i = end;
            }
            else if (c == '[' && next == '^')
            {
                _footnotes++;
            }
            else if (c == '[' || (c == ':' && next == '/' && IsBareUrl(line, i)))
            {
                // Every `[` may open a link, and unmatched ones are what make link parsing slow: count them all.
                _links++;
            }
            else if (c is '*' or '_')
            {
                var last = i;
                while (last + 1 < line.Length && line[last + 1] == c)
                {
                    last++;
                }

                Emphasis(i == 0 ? ' ' : line[i - 1], last + 1 < line.Length ? line[last + 1] : ' ');
                i = last;
            }
            else if (c == '<')
            {
                Html(line[(i + 1)..], block: blockHtml);
            }
        }

        if (_links > ArticleLimits.MaxLinks)
        {
            return Broken("links", _links, ArticleLimits.MaxLinks,
                $"The article has more than {Number(ArticleLimits.MaxLinks)} links or `[` brackets (line {LineNumber}); split it into several articles.");
        }

        if (_footnotes > ArticleLimits.MaxFootnotes)
        {
            return Broken("footnotes", _footnotes, ArticleLimits.MaxFootnotes,
                $"The article has more than {Number(ArticleLimits.MaxFootnotes)} footnote marks (line {LineNumber}).");
        }

        // Peaks, not what is left at the end of the line: a line can open and close a thousand levels.
        if (_deepestEmphasis > ArticleLimits.MaxNesting)
        {
            return Broken("emphasis", _deepestEmphasis, ArticleLimits.MaxNesting,
                $"Line {LineNumber} opens emphasis (`*` or `_`) more than {ArticleLimits.MaxNesting} levels deep without closing it.");
        }

        return _deepestHtml > ArticleLimits.MaxNesting
            ? Broken("html", _deepestHtml, ArticleLimits.MaxNesting, $"Line {LineNumber} nests HTML elements more than {ArticleLimits.MaxNesting} levels deep.")
            : null;
    }

    /// <summary>A <c>://</c> that is not the start of a markdown link's destination (those are counted at their <c>[</c>).</summary>
    private static bool IsBareUrl(ReadOnlySpan<char> line, int colon)
    {
        var start = colon;
        while (start > 0 && char.IsAsciiLetter(line[start - 1]))
        {
            start--;
        }

        return colon + 2 < line.Length && line[colon + 2] == '/' && start < colon && !(start >= 2 && line[start - 1] == '(' && line[start - 2] == ']');
    }

    /// <summary>
    /// CommonMark's flanking rules: a run that can close emphasis while some is open ends a level (closers are
    /// matched first); one that can open deepens it.
    /// </summary>
    private void Emphasis(char before, char after)
    {
        var opens = !char.IsWhiteSpace(after) && (!IsPunctuation(after) || char.IsWhiteSpace(before) || IsPunctuation(before));
        var closes = !char.IsWhiteSpace(before) && (!IsPunctuation(before) || char.IsWhiteSpace(after) || IsPunctuation(after));
        if (closes && _emphasisDepth > 0)
        {
            _emphasisDepth--;
        }
        else if (opens)
        {
            _deepestEmphasis = Math.Max(_deepestEmphasis, ++_emphasisDepth);
        }
    }

    private static bool IsPunctuation(char c) => char.IsPunctuation(c) || char.IsSymbol(c);

    /// <summary>The index of the last backtick of the code span opening at <paramref name="start"/>, or 0 when it does not close on this line.</summary>
    private static int CodeSpanEnd(ReadOnlySpan<char> line, int start)
    {
        var run = line[start..].Length - line[start..].TrimStart('`').Length;
        for (var i = start + run; i < line.Length; i++)
        {
            if (line[i] != '`')
            {
                continue;
            }

            var closing = line[i..].Length - line[i..].TrimStart('`').Length;
            if (closing == run)
            {
                return i + closing - 1;
            }

            i += closing - 1;
        }

        return 0;
    }

    /// <summary>
    /// Counts an HTML tag. Tags in a line that starts with one (an HTML block) nest across the article; tags inside
    /// text are closed with their paragraph, so their depth ends with it.
    /// </summary>
    private void Html(ReadOnlySpan<char> afterBracket, bool block)
    {
        var closing = afterBracket is ['/', ..];
        var name = closing ? afterBracket[1..] : afterBracket;
        var length = 0;
        while (length < name.Length && char.IsAsciiLetterOrDigit(name[length]))
        {
            length++;
        }

        if (length == 0 || !char.IsAsciiLetter(name[0]))
        {
            return;
        }

        if (closing)
        {
            if (_inlineHtmlDepth > 0)
            {
                _inlineHtmlDepth--;
            }
            else
            {
                _htmlDepth = Math.Max(0, _htmlDepth - 1);
            }

            return;
        }

        var end = name.IndexOf('>');
        var selfClosing = end > 0 && name[end - 1] == '/';
        if (!selfClosing && !VoidElements.Contains(name[..length].ToString()))
        {
            _ = block ? ++_htmlDepth : ++_inlineHtmlDepth;
            _deepestHtml = Math.Max(_deepestHtml, _htmlDepth + _inlineHtmlDepth);
        }
    }

    /// <summary>(is a row of a table, what it breaks): a delimiter row starts a table, whose rows count as cells.</summary>
    private (bool IsRow, LimitViolation? Broken) Table(ReadOnlySpan<char> rest)
    {
        var trimmed = rest.TrimEnd();
        var pipes = trimmed.Count('|') - trimmed.Count("\\|");
        var columns = pipes + 1 - (trimmed is ['|', ..] ? 1 : 0) - (trimmed is [.., '|'] && trimmed.Length > 1 ? 1 : 0);
        if (columns > ArticleLimits.MaxTableColumns)
        {
            return (true, Broken("table-columns", columns, ArticleLimits.MaxTableColumns,
                $"The table row on line {LineNumber} has {Number(columns)} columns; tables can have at most {ArticleLimits.MaxTableColumns}."));
        }

        if (!_inTable && trimmed.Contains('-') && trimmed.IndexOfAnyExcept("|:- \t") < 0)
        {
            // The delimiter row has as many cells as the header row above it, which was read as a paragraph.
            _inTable = true;
            _paragraphChars = 0;
            _cells += columns;
            return (true, null);
        }

        if (!_inTable)
        {
            return (false, null);
        }

        _cells += columns;
        return (true, _cells > ArticleLimits.MaxTableCells
            ? Broken("table-cells", _cells, ArticleLimits.MaxTableCells,
                $"The article's tables have more than {Number(ArticleLimits.MaxTableCells)} cells (line {LineNumber}); split the table or the article.")
            : null);
    }

    private LimitViolation? CountHeading() =>
        ++_headings > ArticleLimits.MaxHeadings
            ? Broken("headings", _headings, ArticleLimits.MaxHeadings,
                $"The article has more than {Number(ArticleLimits.MaxHeadings)} headings (line {LineNumber}); split it into several articles.")
            : null;

    private LimitViolation? CountBlock() =>
        ++_blocks > ArticleLimits.MaxBlocks
            ? Broken("blocks", _blocks, ArticleLimits.MaxBlocks,
                $"The article has more than {Number(ArticleLimits.MaxBlocks)} paragraphs, list items and table rows (line {LineNumber}); split it into several articles.")
            : null;

    private void EndParagraph()
    {
        _paragraphChars = 0;
        _emphasisDepth = 0;
        _inlineHtmlDepth = 0;
        _inTable = false;
    }

    private static bool IsListMarker(ReadOnlySpan<char> rest)
    {
        if (rest is ['-' or '*' or '+', ' ' or '\t', ..] or ['-' or '*' or '+'])
        {
            return true;
        }

        var digits = 0;
        while (digits < rest.Length && digits < 9 && char.IsAsciiDigit(rest[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < rest.Length && rest[digits] is '.' or ')' && (digits + 1 == rest.Length || rest[digits + 1] is ' ' or '\t');
    }

    private static bool IsAtxHeading(ReadOnlySpan<char> rest)
    {
        var hashes = rest.Length - rest.TrimStart('#').Length;
        return hashes is >= 1 and <= 6 && (hashes == rest.Length || rest[hashes] is ' ' or '\t');
    }

    private static bool IsSetextUnderline(ReadOnlySpan<char> rest)
    {
        var trimmed = rest.TrimEnd();
        return trimmed.Length > 0 && trimmed[0] is '=' or '-' && trimmed.IndexOfAnyExcept(trimmed[0]) < 0;
    }

    private LimitViolation Broken(string limit, long found, long allowed, string message) =>
        ArticleLimits.Violation(limit, _line, found, allowed, message);

    private static string Number(long value) => ArticleLimits.Number(value);

    private string LineNumber => _line.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
