using static KbCore.Rendering.ArticleLimits;

namespace KbCore.Rendering;

/// <summary>
/// The single pass behind <see cref="ArticleLimits.Check"/>: one line at a time, with the little state markdown
/// needs (front matter, fenced code, the current paragraph and table), and counters for the whole article; what
/// is inside the lines is counted by <see cref="InlineLimits"/>.
/// </summary>
internal sealed class LimitScanner(int firstLine)
{
    private int _line = firstLine - 1;
    private char _fence;
    private int _fenceLength;
    private int _paragraphChars;
    private bool _inTable;
    private int _headings;
    private int _blocks;
    private int _cells;
    private readonly InlineLimits _inline = new();

    public LimitViolation? Scan(string markdown)
    {
        var lines = markdown.AsSpan().EnumerateLines();
        var first = true;
        var inFrontMatter = false;
        foreach (var line in lines)
        {
            _line++;
            if (line.Length > MaxLineChars)
            {
                return Broken("line", line.Length, MaxLineChars,
                    $"Line {LineNumber} is {Number(line.Length)} characters long; lines can have at most {Number(MaxLineChars)}. Break it into paragraphs.");
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
        if (depth > MaxNesting)
        {
            return Broken("nesting", depth, MaxNesting,
                $"Line {LineNumber} nests lists and quotes {Number(depth)} levels deep; at most {MaxNesting} are allowed.");
        }

        if (_inline.Scan(line, _line, _inTable) is { } inline)
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
        return _paragraphChars > MaxParagraphChars
            ? Broken("paragraph", _paragraphChars, MaxParagraphChars,
                $"The paragraph ending on line {LineNumber} has more than {Number(MaxParagraphChars)} characters; add blank lines between paragraphs.")
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

    /// <summary>(is a row of a table, what it breaks): a delimiter row starts a table, whose rows count as cells.</summary>
    private (bool IsRow, LimitViolation? Broken) Table(ReadOnlySpan<char> rest)
    {
        var trimmed = rest.TrimEnd();
        var pipes = trimmed.Count('|') - trimmed.Count("\\|");
        var columns = pipes + 1 - (trimmed is ['|', ..] ? 1 : 0) - (trimmed is [.., '|'] && trimmed.Length > 1 ? 1 : 0);
        if (columns > MaxTableColumns)
        {
            return (true, Broken("table-columns", columns, MaxTableColumns,
                $"The table row on line {LineNumber} has {Number(columns)} columns; tables can have at most {MaxTableColumns}."));
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
        return (true, _cells > MaxTableCells
            ? Broken("table-cells", _cells, MaxTableCells,
                $"The article's tables have more than {Number(MaxTableCells)} cells (line {LineNumber}); split the table or the article.")
            : null);
    }

    private LimitViolation? CountHeading() =>
        ++_headings > MaxHeadings
            ? Broken("headings", _headings, MaxHeadings,
                $"The article has more than {Number(MaxHeadings)} headings (line {LineNumber}); split it into several articles.")
            : null;

    private LimitViolation? CountBlock() =>
        ++_blocks > MaxBlocks
            ? Broken("blocks", _blocks, MaxBlocks,
                $"The article has more than {Number(MaxBlocks)} paragraphs, list items and table rows (line {LineNumber}); split it into several articles.")
            : null;

    private void EndParagraph()
    {
        _paragraphChars = 0;
        _inline.EndParagraph();
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

    private LimitViolation Broken(string limit, long found, long allowed, string message) => new(limit, _line, found, allowed, message);

    private string LineNumber => _line.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
