using KbCore.Articles;

namespace KbCore.TicketCategories;

/// <summary>The catalog of helpdesk ticket categories, read from <c>ticket-categories.yml</c> at the repository root.</summary>
public sealed class TicketCategoryCatalog
{
    public const string FileName = "ticket-categories.yml";

    private readonly Dictionary<string, TicketCategory> _byId;

    private TicketCategoryCatalog(IReadOnlyList<TicketCategory> categories)
    {
        Categories = categories;
        _byId = categories.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    public static TicketCategoryCatalog Empty { get; } = new([]);

    /// <summary>Categories in file order.</summary>
    public IReadOnlyList<TicketCategory> Categories { get; }

    public bool Contains(string id) => _byId.ContainsKey(id);

    public TicketCategory? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Parses the catalog; problems go to <paramref name="problems"/> and bad entries are skipped.</summary>
    public static TicketCategoryCatalog Parse(string yaml, ICollection<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        YamlValue? root;
        try
        {
            root = YamlReader.Read(yaml, firstLine: 1);
        }
        catch (FrontMatterException e)
        {
            problems.Add(new(FileName, e.Line, ContentProblem.Error, e.Message.Replace("front matter", "catalog", StringComparison.Ordinal)));
            return Empty;
        }

        var list = root switch
        {
            YamlMapping m => m.Entries.FirstOrDefault(e => e.Key == "categories").Value as YamlSequence,
            YamlSequence s => s,
            _ => null,
        };
        if (list is null)
        {
            problems.Add(new(FileName, 1, ContentProblem.Error, "expected a `categories:` list"));
            return Empty;
        }

        var categories = new List<TicketCategory>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list.Items)
        {
            if (ReadCategory(item, problems) is { } category)
            {
                if (seen.Add(category.Id))
                {
                    categories.Add(category);
                }
                else
                {
                    problems.Add(new(FileName, item.Line, ContentProblem.Error, $"duplicate category id `{category.Id}`"));
                }
            }
        }

        return new(categories);
    }

    private static TicketCategory? ReadCategory(YamlValue item, ICollection<ContentProblem> problems)
    {
        if (item is not YamlMapping map)
        {
            problems.Add(new(FileName, item.Line, ContentProblem.Error, "each category must be a map with `id` and `name`"));
            return null;
        }

        string? Text(string key) => map.Entries.FirstOrDefault(e => e.Key == key).Value is YamlScalar { Text: { } t } ? t.Trim() : null;
        var id = Text("id");
        if (string.IsNullOrEmpty(id))
        {
            problems.Add(new(FileName, item.Line, ContentProblem.Error, "category without an `id`"));
            return null;
        }

        var external = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map.Entries.FirstOrDefault(e => e.Key == "external_ids").Value is YamlMapping ids)
        {
            foreach (var (key, value) in ids.Entries)
            {
                if (value is YamlScalar { Text: { } t })
                {
                    external[key] = t;
                }
            }
        }

        return new TicketCategory(id, Text("name") ?? id, Text("description") ?? string.Empty, external);
    }
}
