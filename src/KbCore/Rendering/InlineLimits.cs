using static KbCore.Rendering.ArticleLimits;

namespace KbCore.Rendering;

/// <summary>
/// What <see cref="LimitScanner"/> counts inside the lines: links and footnote marks over the article, emphasis
/// within a paragraph, HTML nesting (blocks over the article, inline tags within their paragraph). Code spans are
/// text. The peaks count, not what is left at a line's end: a line can open and close a thousand levels.
/// </summary>
internal sealed class InlineLimits
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    private int _emphasisDepth;
    private int _htmlDepth;
    private int _inlineHtmlDepth;
    private int _deepestEmphasis;
    private int _deepestHtml;
    private int _footnotes;
    private int _links;

    /// <summary>Counts one line; the first limit the article breaks by it, named at <paramref name="lineNumber"/>.</summary>
    public LimitViolation? Scan(ReadOnlySpan<char> line, int lineNumber, bool inTable)
    {
        // Table cells are separate inline runs: emphasis never spans them.
        if (inTable)
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

        if (_links > MaxLinks)
        {
            return Broken(lineNumber, "links", _links, MaxLinks,
                $"The article has more than {Number(MaxLinks)} links or `[` brackets (line {lineNumber}); split it into several articles.");
        }

        if (_footnotes > MaxFootnotes)
        {
            return Broken(lineNumber, "footnotes", _footnotes, MaxFootnotes,
                $"The article has more than {Number(MaxFootnotes)} footnote marks (line {lineNumber}).");
        }

        if (_deepestEmphasis > MaxNesting)
        {
            return Broken(lineNumber, "emphasis", _deepestEmphasis, MaxNesting,
                $"Line {lineNumber} opens emphasis (`*` or `_`) more than {MaxNesting} levels deep without closing it.");
        }

        return _deepestHtml > MaxNesting
            ? Broken(lineNumber, "html", _deepestHtml, MaxNesting, $"Line {lineNumber} nests HTML elements more than {MaxNesting} levels deep.")
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

    /// <summary>Emphasis and inline HTML end with their paragraph.</summary>
    public void EndParagraph()
    {
        _emphasisDepth = 0;
        _inlineHtmlDepth = 0;
    }

    private static LimitViolation Broken(int line, string limit, long found, long allowed, string message) => new(limit, line, found, allowed, message);
}
