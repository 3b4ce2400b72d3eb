using KbCore.Articles;

namespace KbCore.TicketCategories;

/// <summary>The catalog of helpdesk ticket categories, read from <c>ticket-categories.yml</c> at the repository root.</summary>
public sealed class TicketCategoryCatalog
{
    public const string FileName = "ticket-categories.yml";

    private readonly Dictionary<string, TicketCategory> _byId;

    /// <summary>By helpdesk (lowercase) and its id; the first category given an id keeps it (a second is a problem).</summary>
    private readonly Dictionary<(string System, string Id), TicketCategory> _byExternal = [];

    private TicketCategoryCatalog(IReadOnlyList<TicketCategory> categories)
    {
        Categories = categories;
        _byId = categories.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var category in categories)
        {
            foreach (var (system, id) in category.ExternalIds)
            {
                _byExternal.TryAdd((system.ToLowerInvariant(), id), category);
            }
        }
    }

    public static TicketCategoryCatalog Empty { get; } = new([]);

    /// <summary>Categories in file order.</summary>
    public IReadOnlyList<TicketCategory> Categories { get; }

    public bool Contains(string id) => _byId.ContainsKey(id);

    public TicketCategory? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The category a helpdesk knows by <paramref name="externalId"/> (helpdesk name in any case, id exact).</summary>
    public TicketCategory? FindByExternal(string system, string externalId)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(externalId);
        return _byExternal.GetValueOrDefault((system.ToLowerInvariant(), externalId));
    }

    /// <summary>Parses the catalog; problems go to <paramref name="problems"/> and bad entries are skipped.</summary>
    public static TicketCategoryCatalog Parse(string yaml, ICollection<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var items = new YamlListFile(FileName, "categories", "catalog").Read(yaml, problems, "expected a `categories:` list");
        if (items is null)
        {
            return Empty;
        }

        var categories = new List<TicketCategory>();
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (ReadCategory(item, problems) is { } category)
            {
                if (lines.TryAdd(category.Id, item.Line))
                {
                    categories.Add(category);
                }
                else
                {
                    problems.Add(new(FileName, item.Line, ContentProblem.Error, $"duplicate category id `{category.Id}`"));
                }
            }
        }

        CheckRelations(categories, lines, problems);
        return new(categories);
    }

    /// <summary>
    /// Parents must exist and never lead back to the category; a helpdesk id names one category only. Each problem
    /// carries the line of the category it is about, so the editor and <c>check</c> point at the entry to fix.
    /// </summary>
    private static void CheckRelations(List<TicketCategory> categories, Dictionary<string, int> lines, ICollection<ContentProblem> problems)
    {
        var byId = categories.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var category in categories.Where(c => c.Parent is not null))
        {
            if (!byId.ContainsKey(category.Parent!))
            {
                problems.Add(new(FileName, lines[category.Id], ContentProblem.Error, $"category `{category.Id}` has an unknown parent `{category.Parent}`"));
                continue;
            }

            // A chain that loops without passing this category again is reported on the categories in the loop.
            var visited = new HashSet<string>(StringComparer.Ordinal);
            for (var parent = category.Parent; parent is not null && visited.Add(parent) && byId.TryGetValue(parent, out var next); parent = next.Parent)
            {
                if (parent == category.Id)
                {
                    problems.Add(new(FileName, lines[category.Id], ContentProblem.Error, $"category `{category.Id}` is its own ancestor (parents form a loop)"));
                    break;
                }
            }
        }

        foreach (var clash in categories
            .SelectMany(c => c.ExternalIds.Select(e => (System: e.Key.ToLowerInvariant(), e.Value, c.Id)))
            .DistinctBy(x => (x.System, x.Value, x.Id))
            .GroupBy(x => (x.System, x.Value))
            .Where(g => g.Count() > 1))
        {
            // Reported where the id is given a second time: the first category keeps it.
            problems.Add(new(FileName, lines[clash.ElementAt(1).Id], ContentProblem.Error, $"{clash.Key.System} id `{clash.Key.Value}` is given to several categories: {string.Join(", ", clash.Select(x => $"`{x.Id}`"))}"));
        }
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

        if (!IsValidId(id))
        {
            problems.Add(new(FileName, item.Line, ContentProblem.Error, $"category id `{id}`: use lowercase letters, digits and hyphens (at most 100)"));
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

        var parent = Text("parent");
        return new TicketCategory(id, Text("name") ?? id, Text("description") ?? string.Empty, external, string.IsNullOrEmpty(parent) ? null : parent);
    }

    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= 100 && id[0] != '-' && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
