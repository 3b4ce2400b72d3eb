using System.Globalization;

namespace KbCore.Articles;

/// <summary>
/// Splits YAML front matter from markdown and maps it onto <see cref="ArticleMetadata"/>.
/// Wrong types on known keys are errors (the article is not served); a doubtful
/// <c>visibility</c> makes the article internal with a warning, so content never leaks by mistake.
/// </summary>
public static class FrontMatterParser
{
    /// <summary>Largest front matter block accepted; real ones are a few hundred bytes.</summary>
    public const int MaxFrontMatterChars = 64 * 1024;

    private static readonly HashSet<string> KnownKeys = new(StringComparer.Ordinal)
    {
        "title", "summary", "description", "tags", "ticket_categories", "visibility", "order", "owner", "review_by",
    };

    /// <exception cref="FrontMatterException">The front matter cannot be used.</exception>
    /// <summary>Keys that say something about the audience without being <c>visibility</c>.</summary>
    private static readonly HashSet<string> AudienceKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "public", "internal", "private", "hidden", "draft", "published",
    };

    public static FrontMatterResult Parse(string text, Visibility defaultVisibility)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (yaml, body, bodyLine) = Split(text);
        if (yaml is null)
        {
            return new(new ArticleMetadata { Visibility = defaultVisibility }, body, bodyLine, []);
        }

        var root = YamlReader.Read(yaml, firstLine: 2);
        if (root is null || root is YamlScalar { Text: null })
        {
            return new(new ArticleMetadata { Visibility = defaultVisibility }, body, bodyLine, []);
        }

        if (root is not YamlMapping mapping)
        {
            throw new FrontMatterException(root.Line, "front matter must be a YAML mapping of `key: value` lines");
        }

        var warnings = new List<string>();
        return new(Map(mapping, defaultVisibility, warnings), body, bodyLine, warnings);
    }

    private static (string? Yaml, string Body, int BodyLine) Split(string text)
    {
        if (Locate(text) is not { } span)
        {
            return (null, text[(text.StartsWith('\uFEFF') ? 1 : 0)..], 1);
        }

        return (text[span.YamlStart..span.YamlEnd], text[span.BodyStart..], span.BodyLine);
    }

    /// <summary>
    /// Where the front matter's YAML and the body start, or null when the file has none; the one definition of the
    /// fences, shared by reading and by <see cref="FrontMatterDocument"/>'s editing so both see the same block.
    /// </summary>
    /// <exception cref="FrontMatterException">An opening fence without a closing one, or a block over the size limit.</exception>
    internal static FrontMatterSpan? Locate(string text)
    {
        var start = text.StartsWith('\uFEFF') ? 1 : 0;
        if (!IsFence(text, start, out var afterOpen))
        {
            return null;
        }

        var line = 2;
        var pos = afterOpen;
        while (pos < text.Length)
        {
            var end = text.IndexOf('\n', pos);
            var lineEnd = end < 0 ? text.Length : end;

            // Checked before the fence test, so one huge line right before `---` is caught too.
            if (lineEnd - afterOpen > MaxFrontMatterChars)
            {
                throw new FrontMatterException(1, $"front matter is larger than {MaxFrontMatterChars / 1024} KB");
            }

            var content = text.AsSpan(pos, lineEnd - pos).TrimEnd(" \t\r");
            if (content is "---" or "...")
            {
                return new FrontMatterSpan(afterOpen, pos, end < 0 ? text.Length : end + 1, line + 1);
            }

            pos = lineEnd + 1;
            line++;
        }

        throw new FrontMatterException(1, "front matter starts with `---` but has no closing `---` line");
    }

    private static bool IsFence(string text, int start, out int afterFence)
    {
        afterFence = 0;
        if (string.CompareOrdinal(text, start, "---", 0, 3) != 0)
        {
            return false;
        }

        var pos = start + 3;
        while (pos < text.Length && text[pos] is ' ' or '\t' or '\r')
        {
            pos++;
        }

        if (pos < text.Length && text[pos] != '\n')
        {
            return false;
        }

        afterFence = Math.Min(pos + 1, text.Length);
        return true;
    }

    private static ArticleMetadata Map(YamlMapping mapping, Visibility defaultVisibility, List<string> warnings)
    {
        var seen = new Dictionary<string, YamlValue>(StringComparer.Ordinal);
        var extra = new Dictionary<string, object?>(StringComparer.Ordinal);
        var visibility = defaultVisibility;
        var visibilityCount = 0;
        foreach (var (key, value) in mapping.Entries)
        {
            if (key == "visibility")
            {
                visibilityCount++;
                visibility = ReadVisibility(value, warnings);
                continue;
            }

            // `Visibility:` or `VISIBILITY:` shows intent we cannot read with certainty: fail closed.
            if (key.Equals("visibility", StringComparison.OrdinalIgnoreCase))
            {
                visibilityCount++;
                warnings.Add($"line {value.Line}: the key is spelled `{key}`; write `visibility`. The article is treated as internal");
                visibility = Visibility.Internal;
                continue;
            }

            if (!seen.TryAdd(key, value))
            {
                throw new FrontMatterException(value.Line, $"key `{key}` appears more than once");
            }

            if (!KnownKeys.Contains(key))
            {
                extra[key] = ToPlain(value);
            }
        }

        if (visibilityCount > 1)
        {
            warnings.Add("`visibility` appears more than once: the article is treated as internal");
            visibility = Visibility.Internal;
        }

        // `public: yes`, `draft: true`, `internal: "false"`: the author meant something about who may read the
        // article, in a key that does not decide it. Reading it either way could publish a draft: fail closed.
        if (visibilityCount == 0 && seen.FirstOrDefault(e => AudienceKeys.Contains(e.Key)) is { Key: { } audience, Value: { } said })
        {
            warnings.Add($"line {said.Line}: `{audience}` does not decide who sees the article; write `visibility: public` or `visibility: internal`. Until then it is treated as internal");
            visibility = Visibility.Internal;
        }

        return new ArticleMetadata
        {
            Title = ReadString(seen, "title"),
            Summary = ReadString(seen, "summary") ?? ReadString(seen, "description"),
            Tags = ReadList(seen, "tags"),
            TicketCategories = ReadList(seen, "ticket_categories"),
            Visibility = visibility,
            Order = ReadInt(seen, "order"),
            Owner = ReadString(seen, "owner"),
            ReviewBy = ReadDate(seen, "review_by"),
            Extra = extra,
        };
    }

    private static Visibility ReadVisibility(YamlValue value, List<string> warnings)
    {
        switch (value)
        {
            case YamlScalar { Text: "public" }:
                return Visibility.Public;
            case YamlScalar { Text: "internal" }:
                return Visibility.Internal;
            case YamlScalar { Text: var text }:
                warnings.Add($"line {value.Line}: `visibility` must be `public` or `internal`, not `{text}`: the article is treated as internal");
                return Visibility.Internal;
            default:
                warnings.Add($"line {value.Line}: `visibility` must be `public` or `internal`, not a list or map: the article is treated as internal");
                return Visibility.Internal;
        }
    }

    private static string? ReadString(Dictionary<string, YamlValue> seen, string key)
    {
        if (!seen.TryGetValue(key, out var value))
        {
            return null;
        }

        if (value is not YamlScalar scalar)
        {
            throw new FrontMatterException(value.Line, $"`{key}` must be text, not a list or map");
        }

        return string.IsNullOrWhiteSpace(scalar.Text) ? null : scalar.Text.Trim();
    }

    private static string[] ReadList(Dictionary<string, YamlValue> seen, string key)
    {
        if (!seen.TryGetValue(key, out var value))
        {
            return [];
        }

        return value switch
        {
            YamlScalar { Text: null } => [],
            // "tags: billing, invoices" is a common shorthand: accept it.
            YamlScalar s => s.Text!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            YamlSequence seq => seq.Items.Select(item => item is YamlScalar { Text: { } t }
                    ? t.Trim()
                    : throw new FrontMatterException(item.Line, $"`{key}` must be a list of text values"))
                .Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToArray(),
            _ => throw new FrontMatterException(value.Line, $"`{key}` must be a list, not a map"),
        };
    }

    private static int? ReadInt(Dictionary<string, YamlValue> seen, string key)
    {
        var text = ReadString(seen, key);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FrontMatterException(seen[key].Line, $"`{key}` must be a whole number, not `{text}`");
    }

    private static DateOnly? ReadDate(Dictionary<string, YamlValue> seen, string key)
    {
        var text = ReadString(seen, key);
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new FrontMatterException(seen[key].Line, $"`{key}` must be a date like 2027-03-31, not `{text}`");
    }

    private static object? ToPlain(YamlValue value) => value switch
    {
        YamlScalar s => s.Text,
        YamlSequence seq => seq.Items.Select(ToPlain).ToArray(),
        YamlMapping m => m.Entries.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => ToPlain(g.Last().Value)),
        _ => null,
    };
}
