using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax.Inlines;

namespace KbCore.Rendering.Extensions.WikiLinks;

/// <summary>Parses <c>[[Target]]</c> and <c>[[Target|label]]</c> on one line.</summary>
public sealed class WikiLinkInlineParser : InlineParser
{
    private const int MaxLength = 300;

    public WikiLinkInlineParser()
    {
        OpeningCharacters = ['['];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        ArgumentNullException.ThrowIfNull(processor);
        if (slice.PeekChar() != '[')
        {
            return false;
        }

        var text = slice.Text;
        var start = slice.Start + 2;
        var end = text.IndexOf("]]", start, Math.Min(MaxLength, slice.End - start + 1), StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var inner = text[start..end];
        if (inner.Length == 0 || inner.Contains('\n', StringComparison.Ordinal) || inner.Contains('[', StringComparison.Ordinal))
        {
            return false;
        }

        var bar = inner.IndexOf('|', StringComparison.Ordinal);
        var target = (bar < 0 ? inner : inner[..bar]).Trim();
        var label = bar < 0 ? string.Empty : inner[(bar + 1)..].Trim();
        if (target.Length == 0)
        {
            return false;
        }

        var position = processor.GetSourcePosition(slice.Start, out var line, out var column);
        var link = new WikiLinkInline
        {
            Target = target,
            HasLabel = label.Length > 0,
            Url = target,
            Span = new Markdig.Syntax.SourceSpan(position, position + (end + 2 - slice.Start) - 1),
            Line = line,
            Column = column,
            IsClosed = true,
        };
        link.AppendChild(new LiteralInline(label.Length == 0 ? target : label));
        processor.Inline = link;
        slice.Start = end + 2;
        return true;
    }
}
