using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax.Inlines;

namespace KbCore.Rendering.Extensions.DocsDirectives;

/// <summary>
/// The one-line directives of Microsoft Docs markdown, common in knowledge bases imported from it:
/// <c>:::image type="content" source="media/x.png" alt-text="…":::</c> becomes an ordinary image (so it is resolved,
/// checked and sanitized like <c>![alt](src)</c>, and only its alt text is searchable), <c>:::image-end:::</c> closes
/// a complex image's long description and says nothing, <c>:::no-loc text="…":::</c> is its text. Anything else that
/// starts with <c>:::</c> stays literal.
/// </summary>
public sealed partial class DocsDirectiveInlineParser : InlineParser
{
    private const string Fence = ":::";
    private const int MaxLength = 2_000;

    public DocsDirectiveInlineParser()
    {
        OpeningCharacters = [':'];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        ArgumentNullException.ThrowIfNull(processor);
        var text = slice.Text;
        var start = slice.Start;
        var available = slice.End + 1 - (start + Fence.Length);
        if (available <= Fence.Length || string.CompareOrdinal(text, start, Fence, 0, Fence.Length) != 0)
        {
            return false;
        }

        var close = text.IndexOf(Fence, start + Fence.Length, Math.Min(MaxLength, available), StringComparison.Ordinal);
        if (close < 0)
        {
            return false;
        }

        var inner = text[(start + Fence.Length)..close];
        if (inner.Contains('\n', StringComparison.Ordinal) || Directive(inner) is not { } inline)
        {
            return false;
        }

        var position = processor.GetSourcePosition(start, out var line, out var column);
        inline.Span = new Markdig.Syntax.SourceSpan(position, position + (close + Fence.Length - start) - 1);
        inline.Line = line;
        inline.Column = column;
        processor.Inline = inline;
        slice.Start = close + Fence.Length;
        return true;
    }

    private static Inline? Directive(string inner)
    {
        var space = inner.IndexOf(' ', StringComparison.Ordinal);
        var name = (space < 0 ? inner : inner[..space]).Trim();
        var attributes = AttributeRegex().Matches(space < 0 ? string.Empty : inner[space..])
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.OrdinalIgnoreCase);
        switch (name)
        {
            case "image" when attributes.GetValueOrDefault("source") is { Length: > 0 } source:
                var image = new LinkInline(source, string.Empty) { IsImage = true, IsClosed = true };
                image.AppendChild(new LiteralInline(attributes.GetValueOrDefault("alt-text") ?? string.Empty));
                return image;
            case "image-end":
                return new LiteralInline(string.Empty);
            case "no-loc" when attributes.GetValueOrDefault("text") is { } words:
                return new LiteralInline(words);
            default:
                return null;
        }
    }

    [GeneratedRegex("""([a-z][a-z-]*)\s*=\s*"([^"]*)"\s*""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AttributeRegex();
}
