using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace KbCore.Articles;

/// <summary>
/// An article as the studio's editor shows it: front matter as fields, unknown keys as raw YAML, and the body.
/// <see cref="ToFile(string?, Articles.Visibility)"/> writes the file back changing only what the person changed; keys
/// the editor does not know are kept, never dropped.
/// Setters turn null into empty: form binding sends empty fields as null.
/// </summary>
public sealed class ArticleForm
{
    /// <summary>The longest title a save accepts.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>How front matter is written where there is no original to follow: a new article, a new key.</summary>
    internal static readonly ISerializer Yaml = new SerializerBuilder().WithQuotingNecessaryStrings().DisableAliases().Build();

    private static readonly IDeserializer Deserializer = new DeserializerBuilder().WithDuplicateKeyChecking().Build();

    internal static readonly HashSet<string> FormKeys = new(StringComparer.Ordinal)
    {
        "title", "summary", "description", "tags", "ticket_categories", "visibility", "owner", "review_by",
    };

    public string Title { get; set => field = value ?? string.Empty; } = string.Empty;

    public string Summary { get; set => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Comma-separated.</summary>
    public string Tags { get; set => field = value ?? string.Empty; } = string.Empty;

    public IList<string> TicketCategories { get; set => field = value ?? []; } = [];

    public string Visibility { get; set => field = value ?? "public"; } = "public";

    public string Owner { get; set => field = value ?? string.Empty; } = string.Empty;

    /// <summary><c>yyyy-MM-dd</c> or empty.</summary>
    public string ReviewBy { get; set => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Front matter keys the form has no field for, as YAML: as the file wrote them, comments included.</summary>
    public string OtherYaml { get; set => field = value ?? string.Empty; } = string.Empty;

    public string Body { get; set => field = value ?? string.Empty; } = string.Empty;

    /// <exception cref="FrontMatterException">The file's front matter cannot be read.</exception>
    public static ArticleForm FromFile(string text, Visibility defaultVisibility)
    {
        var parsed = FrontMatterParser.Parse(text ?? string.Empty, defaultVisibility);
        var meta = parsed.Metadata;

        return new ArticleForm
        {
            Title = meta.Title ?? string.Empty,
            Summary = meta.Summary ?? string.Empty,
            Tags = string.Join(", ", meta.Tags),
            TicketCategories = [.. meta.TicketCategories],
            Visibility = meta.Visibility == Articles.Visibility.Internal ? "internal" : "public",
            Owner = meta.Owner ?? string.Empty,
            ReviewBy = meta.ReviewBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            OtherYaml = OtherKeysOf(text ?? string.Empty, meta),
            Body = parsed.Body,
        };
    }

    /// <summary>Problems by field name (<c>Title</c>, <c>ReviewBy</c>, <c>OtherYaml</c>, …); empty when the form can be saved.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors[nameof(Title)] = "Give the article a title.";
        }
        else if (Title.Length > MaxTitleLength)
        {
            errors[nameof(Title)] = $"Keep the title under {MaxTitleLength} characters.";
        }

        if (Summary.Length > 1000)
        {
            errors[nameof(Summary)] = "Keep the summary under 1,000 characters.";
        }

        if (Visibility is not "public" and not "internal")
        {
            errors[nameof(Visibility)] = "Choose public or internal.";
        }

        if (ReviewBy.Length > 0 && !DateOnly.TryParseExact(ReviewBy, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors[nameof(ReviewBy)] = "Use a date like 2027-03-31.";
        }

        if (ParseOther(out var otherError) is null)
        {
            errors[nameof(OtherYaml)] = otherError!;
        }

        return errors;
    }

    /// <summary>
    /// The file for a save: <paramref name="original"/> (the file as committed at the revision the person opened) with
    /// only the keys and body they changed rewritten, everything else byte for byte; a new article (no original) gets
    /// <see cref="ToFile()"/>. Call after <see cref="Validate"/> found nothing.
    /// </summary>
    /// <param name="defaultVisibility">The installation's default, which the form showed for a file without <c>visibility</c>.</param>
    public string ToFile(string? original, Visibility defaultVisibility) =>
        original is null ? ToFile() : FrontMatterEditor.Apply(this, original, defaultVisibility) ?? ToFile();

    /// <summary>The file written afresh: front matter in the form's order, then the body. Call after <see cref="Validate"/> found nothing.</summary>
    public string ToFile()
    {
        var front = new Dictionary<string, object?>(StringComparer.Ordinal) { ["title"] = Title.Trim() };
        if (Summary.Trim().Length > 0)
        {
            front["summary"] = Summary.Trim();
        }

        var tags = TagList();
        if (tags.Length > 0)
        {
            front["tags"] = tags;
        }

        var categories = CategoryList();
        if (categories.Length > 0)
        {
            front["ticket_categories"] = categories;
        }

        front["visibility"] = Visibility;
        if (Owner.Trim().Length > 0)
        {
            front["owner"] = Owner.Trim();
        }

        if (ReviewBy.Length > 0)
        {
            front["review_by"] = ReviewBy;
        }

        foreach (var (key, value) in ParseOther(out _) ?? [])
        {
            front.TryAdd(key, value);
        }

        var body = Body.Replace("\r\n", "\n", StringComparison.Ordinal);
        return "---\n" + Yaml.Serialize(front) + "---\n" + (body.StartsWith('\n') ? body[1..] : body);
    }

    /// <summary>The tags field as a list: trimmed, no empties, no repeats.</summary>
    internal string[] TagList() => Tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray();

    internal string[] CategoryList() => TicketCategories.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The other keys as the file wrote them, comments included; re-serialized only when those lines cannot stand alone
    /// (an alias to an anchor on a field's key) or the front matter has a layout the editor cannot split into keys.
    /// </summary>
    private static string OtherKeysOf(string text, ArticleMetadata meta)
    {
        if (FrontMatterDocument.Read(text) is { } document && OtherFrontMatter.Show(document) is var shown && new ArticleForm { OtherYaml = shown }.ParseOther(out _) is not null)
        {
            return shown;
        }

        var other = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (meta.Order is { } order)
        {
            other["order"] = order;
        }

        foreach (var (key, value) in meta.Extra)
        {
            other[key] = value;
        }

        return other.Count == 0 ? string.Empty : Yaml.Serialize(other);
    }

    /// <summary>
    /// YAML read without a schema gives every scalar as a string; numbers and booleans go back as such, so
    /// `order: 2` is not rewritten as `order: '2'` on every save.
    /// </summary>
    private static object? Typed(object? value) => value switch
    {
        string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number.ToString(CultureInfo.InvariantCulture) == s => number,
        "true" => true,
        "false" => false,
        _ => value,
    };

    /// <summary>The other keys as a mapping, or null with an error naming the line.</summary>
    private Dictionary<string, object?>? ParseOther(out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(OtherYaml))
        {
            return [];
        }

        try
        {
            var parsed = Deserializer.Deserialize<object?>(OtherYaml);
            if (parsed is null)
            {
                return [];
            }

            if (parsed is not Dictionary<object, object?> mapping)
            {
                error = "Other front matter must be `key: value` lines.";
                return null;
            }

            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (key, value) in mapping)
            {
                var name = Convert.ToString(key, CultureInfo.InvariantCulture) ?? string.Empty;
                if (FormKeys.Contains(name))
                {
                    error = $"`{name}` has its own field above; remove it here.";
                    return null;
                }

                result[name] = Typed(value);
            }

            return result;
        }
        catch (YamlException e)
        {
            error = $"Line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}";
            return null;
        }
    }
}
