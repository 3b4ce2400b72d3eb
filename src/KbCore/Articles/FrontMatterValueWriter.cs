using System.Text.RegularExpressions;

namespace KbCore.Articles;

/// <summary>
/// Writes a changed key's new value in the style its lines had: the spacing after the colon, the quote style, a
/// trailing comment, a block scalar's header and indentation; a flow list stays <c>[a, b]</c> with its spacing, a block
/// list keeps its indentation and dash. Every styled result is read back and must mean the new value; when it does
/// not (or there is nothing to copy), the key is written the way a new article's front matter is.
/// </summary>
internal static partial class FrontMatterValueWriter
{
    /// <summary>The lines (without terminators) of <paramref name="key"/> holding the text <paramref name="value"/>.</summary>
    /// <param name="allowDate">The value is a date (<c>review_by</c>), which stays plain.</param>
    public static IReadOnlyList<string> Scalar(string key, string value, FrontMatterRegion? original, bool allowDate = false)
    {
        var styled = original is null ? null : StyledScalar(original, value, allowDate);
        return styled is not null && ReadBack(styled, key) is YamlScalar { Text: { } text } && text.Trim() == value.Trim()
            ? styled
            : Fresh(key, value);
    }

    /// <summary>The lines of <paramref name="key"/> holding <paramref name="items"/>, styled after the key's own lines or else a sibling list's.</summary>
    public static IReadOnlyList<string> List(string key, IReadOnlyList<string> items, (FrontMatterRegion Region, YamlValue Value)? original, (FrontMatterRegion Region, YamlValue Value)? sibling)
    {
        var own = original is { } o ? ListStyle.Of(o.Region, o.Value) : null;
        var style = own ?? (sibling is { } s ? ListStyle.Of(s.Region, s.Value) : null) ?? ListStyle.Default;
        if (own is null && style.Kind == ListKind.Shorthand)
        {
            style = ListStyle.Default;
        }

        var styled = Write(key, items, style, original?.Region.KeyLine);
        return ReadBack(styled, key) switch
        {
            YamlSequence seq when seq.Items.Select(i => (i as YamlScalar)?.Text?.Trim()).SequenceEqual(items) => styled,
            YamlScalar { Text: { } text } when text.Split(',', StringSplitOptions.TrimEntries).SequenceEqual(items) => styled,
            _ => Fresh(key, items),
        };
    }

    private static List<string> Write(string key, IReadOnlyList<string> items, ListStyle style, string? keyLine)
    {
        var (prefix, suffix) = keyLine is null ? (key + ": ", string.Empty) : Around(keyLine, flowOnly: style.Kind == ListKind.Flow);
        switch (style.Kind)
        {
            case ListKind.Block:
                // The key's own line when it had one: a block list's `tags:`, or an empty `tags:` with its comment.
                return [keyLine ?? key + ":", .. items.Select(i => style.Indent + "-" + style.Gap + YamlScalarText.Write(i, style.Quote, inFlow: false))];
            case ListKind.Shorthand when items.All(i => YamlScalarText.IsPlainSafe(i, inFlow: true, allowDate: false)):
                return [prefix + YamlScalarText.Write(string.Join(", ", items), style.Quote, inFlow: false) + suffix];
            default:
                var pad = style.Padded ? " " : string.Empty;
                var quote = style.Kind == ListKind.Flow ? style.Quote : '\0';
                return [prefix + "[" + pad + string.Join(style.Separator, items.Select(i => YamlScalarText.Write(i, quote, inFlow: true))) + pad + "]" + suffix];
        }
    }

    private static List<string>? StyledScalar(FrontMatterRegion original, string value, bool allowDate)
    {
        var line = original.KeyLine;
        YamlLine.Key(line, out var colon);
        var start = YamlLine.ValueStart(line, colon);
        var text = line[start..YamlLine.ValueEnd(line, start)];
        if (text.StartsWith('|') || text.StartsWith('>'))
        {
            return Block(original, text, value);
        }

        var (prefix, suffix) = Around(line, flowOnly: false);
        return [prefix + YamlScalarText.Write(value, YamlScalarText.QuoteOf(text), inFlow: false, allowDate) + suffix];
    }

    /// <summary>The key line before its value (key, colon, the spacing there) and after it (a trailing comment).</summary>
    private static (string Prefix, string Suffix) Around(string line, bool flowOnly)
    {
        YamlLine.Key(line, out var colon);
        var start = YamlLine.ValueStart(line, colon);
        if (start >= line.Length)
        {
            return (line[..(colon + 1)] + " ", line[(colon + 1)..].TrimEnd());
        }

        var end = YamlLine.ValueEnd(line, start);

        // A flow list whose `]` is on a later line: its continuation goes, so nothing on this line is kept after it.
        var unclosed = flowOnly && line[start] == '[' && !line[start..end].EndsWith(']');
        return (line[..start], unclosed ? string.Empty : line[end..]);
    }

    /// <summary>A literal or folded block scalar with its header and indentation, when the value fits one unchanged.</summary>
    private static List<string>? Block(FrontMatterRegion original, string header, string value)
    {
        var lines = value.Split('\n');
        var folded = header[0] == '>';
        if (header.Any(char.IsDigit) || lines.Any(l => l.Length > 0 && (char.IsWhiteSpace(l[0]) || char.IsWhiteSpace(l[^1]) || l.Any(char.IsControl))) ||
            (folded && lines.Any(l => l.Length == 0)))
        {
            return null;
        }

        var indent = original.Lines.Skip(1).Select(YamlLine.Content).Where(l => l.Trim().Length > 0).Select(l => l[..(l.Length - l.TrimStart().Length)]).FirstOrDefault();
        indent = string.IsNullOrEmpty(indent) ? "  " : indent;
        var body = folded ? lines.SelectMany((l, i) => i == 0 ? [indent + l] : new[] { string.Empty, indent + l }) : lines.Select(l => l.Length == 0 ? string.Empty : indent + l);
        return [original.KeyLine, .. body];
    }

    /// <summary>The key as a new article's front matter writes it.</summary>
    private static List<string> Fresh(string key, object value) =>
        [.. ArticleForm.Yaml.Serialize(new Dictionary<string, object> { [key] = value }).TrimEnd('\n').Split('\n').Select(l => l.TrimEnd('\r'))];

    private static YamlValue? ReadBack(List<string> lines, string key)
    {
        try
        {
            return YamlReader.Read(string.Join('\n', lines) + "\n", firstLine: 1) is YamlMapping { Entries: [var (name, value)] } && name == key ? value : null;
        }
        catch (FrontMatterException)
        {
            return null;
        }
    }

    private enum ListKind
    {
        Flow,
        Block,
        Shorthand,
    }

    /// <summary>How a list was written: <c>[a, b]</c> (with its spacing), <c>- a</c> lines (indentation, gap after the dash) or <c>a, b</c>.</summary>
    private sealed partial record ListStyle(ListKind Kind, bool Padded, string Separator, string Indent, string Gap, char Quote)
    {
        public static readonly ListStyle Default = new(ListKind.Flow, false, ", ", string.Empty, " ", '\0');

        public static ListStyle? Of(FrontMatterRegion region, YamlValue value)
        {
            var line = region.KeyLine;
            YamlLine.Key(line, out var colon);
            var start = YamlLine.ValueStart(line, colon);
            var text = line[start..YamlLine.ValueEnd(line, start)];
            var quoted = value is YamlSequence { Items.Count: > 0 } seq && seq.Items.All(i => i is YamlScalar { Quoted: true });
            if (text.StartsWith('['))
            {
                var inner = text.EndsWith(']') ? text[1..^1] : text[1..];
                var padded = inner.StartsWith(' ') && inner.Trim().Length > 0;
                var separator = inner.Contains(',', StringComparison.Ordinal) && !inner.Contains(", ", StringComparison.Ordinal) ? "," : ", ";
                return Default with { Padded = padded, Separator = separator, Quote = quoted ? YamlScalarText.QuoteOf(inner.TrimStart()) : '\0' };
            }

            if (text.Length > 0)
            {
                return value is YamlScalar ? Default with { Kind = ListKind.Shorthand, Quote = YamlScalarText.QuoteOf(text) } : null;
            }

            foreach (var item in region.Lines.Skip(1).Select(YamlLine.Content))
            {
                if (Dash().Match(item) is { Success: true } m)
                {
                    return new(ListKind.Block, false, ", ", m.Groups[1].Value, m.Groups[2].Value, quoted ? YamlScalarText.QuoteOf(m.Groups[3].Value) : '\0');
                }
            }

            return null;
        }

        [GeneratedRegex(@"^( *)-([ \t]+)(\S.*)$")]
        private static partial Regex Dash();
    }
}
