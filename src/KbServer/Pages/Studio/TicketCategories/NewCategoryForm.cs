using System.Text;
using System.Text.RegularExpressions;
using KbCore.TicketCategories;

namespace KbServer.Pages.Studio.TicketCategories;

/// <summary>One ticket category typed into fields, for those who would rather not write YAML.</summary>
public sealed partial class NewCategoryForm
{
    public string Id { get; set => field = value?.Trim() ?? string.Empty; } = string.Empty;

    public string Name { get; set => field = value?.Trim() ?? string.Empty; } = string.Empty;

    public string Description { get; set => field = value?.Trim() ?? string.Empty; } = string.Empty;

    public string Parent { get; set => field = value?.Trim() ?? string.Empty; } = string.Empty;

    /// <summary>One per line: <c>zendesk: 360001234</c>.</summary>
    public string HelpdeskIds { get; set => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Problems by field; empty when it can be added.</summary>
    public IReadOnlyDictionary<string, string> Validate(IReadOnlyList<TicketCategory> existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Id.Length > 60 || !IdPattern().IsMatch(Id))
        {
            errors[nameof(Id)] = "Use lowercase letters, digits and hyphens, e.g. refund-requests.";
        }
        else if (existing.Any(c => c.Id == Id))
        {
            errors[nameof(Id)] = $"There is already a category {Id}.";
        }

        if (Name.Length is 0 or > 100)
        {
            errors[nameof(Name)] = "Give it a name of at most 100 characters.";
        }

        if (Description.Length > 500)
        {
            errors[nameof(Description)] = "Keep the description under 500 characters.";
        }

        if (Parent.Length > 0 && existing.All(c => c.Id != Parent))
        {
            errors[nameof(Parent)] = "Choose an existing category as parent.";
        }

        if (ExternalIds().Any(e => e is null))
        {
            errors[nameof(HelpdeskIds)] = "One per line, like zendesk: 360001234.";
        }

        return errors;
    }

    /// <summary>The category as one item of the catalog's list, in the shipped file's layout.</summary>
    public string ToYaml(Func<string, string> quoted)
    {
        ArgumentNullException.ThrowIfNull(quoted);
        var yaml = new StringBuilder();
        yaml.Append("  - id: ").Append(Id).Append('\n');
        yaml.Append("    name: ").Append(quoted(Name)).Append('\n');
        if (Description.Length > 0)
        {
            yaml.Append("    description: ").Append(quoted(Description)).Append('\n');
        }

        if (Parent.Length > 0)
        {
            yaml.Append("    parent: ").Append(Parent).Append('\n');
        }

        var ids = ExternalIds().OfType<(string System, string Id)>().ToList();
        if (ids.Count > 0)
        {
            yaml.Append("    external_ids:\n");
            foreach (var (system, id) in ids)
            {
                yaml.Append("      ").Append(system).Append(": ").Append(quoted(id)).Append('\n');
            }
        }

        return yaml.ToString();
    }

    /// <summary>Each non-empty line as (helpdesk, id), or null where a line is not <c>name: id</c>.</summary>
    private IEnumerable<(string System, string Id)?> ExternalIds() =>
        HelpdeskIds.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => ExternalIdPattern().Match(line) is { Success: true } m ? ((string, string)?)(m.Groups[1].Value, m.Groups[2].Value.Trim()) : null);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^([a-z][a-z0-9_]{0,30})\s*:\s*(\S.{0,99})$")]
    private static partial Regex ExternalIdPattern();
}
