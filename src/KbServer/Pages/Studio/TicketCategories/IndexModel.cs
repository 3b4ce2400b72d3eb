using KbCore.Articles;
using KbCore.Content;
using KbCore.TicketCategories;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio.TicketCategories;

/// <summary>
/// The ticket-category catalog: each category with its linked articles, and the file itself to edit. A change
/// that removes ids articles still use lists those articles and needs a confirmation; the save follows the policy.
/// </summary>
public sealed class IndexModel(ContentStore store, ContentWriter writer, SettingsFileSaver saver) : PageModel
{
    [BindProperty]
    public string Yaml { get; set; } = string.Empty;

    [BindProperty]
    public bool ConfirmOrphans { get; set; }

    /// <summary>The catalog's blob id when the editor opened it (empty: there was none), so no one's newer save is overwritten.</summary>
    [BindProperty]
    public string BaseRevision { get; set; } = string.Empty;

    /// <summary>The catalog as it is now, when it changed since the editor opened it.</summary>
    public string? TheirYaml { get; private set; }

    public IReadOnlyList<TicketCategory> Categories { get; private set; } = [];

    public IReadOnlyDictionary<string, CategoryUsage> Usage { get; private set; } = new Dictionary<string, CategoryUsage>();

    /// <summary>Ids articles name that the published catalog lacks (<c>check</c> fails on them).</summary>
    public IReadOnlyList<string> UnknownIds { get; private set; } = [];

    /// <summary>Problems of the published file itself (it may have been pushed from outside the studio).</summary>
    public IReadOnlyList<ContentProblem> PublishedProblems { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IReadOnlyList<OrphanedCategory> Orphans { get; private set; } = [];

    public string? Notice { get; private set; }

    public CategoryUsage UsageOf(string id) => Usage.GetValueOrDefault(id) ?? new(0, 0);

    public void OnGet(string? saved)
    {
        var (text, revision) = writer.ReadSettingsFile(TicketCategoryCatalog.FileName);
        BaseRevision = revision ?? string.Empty;
        if (revision is not null && text is null)
        {
            Errors = [$"{TicketCategoryCatalog.FileName} is larger than {ContentWriter.MaxSettingsBytes / 1024} KB: edit it with git."];
        }

        Yaml = text ?? (revision is null ? "categories:\n  - id: example\n    name: Example category\n" : string.Empty);
        Notice = saved is null ? null : "Saved: the catalog applies now.";
        Load();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Load();
        Yaml = (Yaml ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal);
        BaseRevision ??= string.Empty;
        if (Yaml.Length > ContentWriter.MaxSettingsBytes)
        {
            Errors = [$"The catalog is limited to {ContentWriter.MaxSettingsBytes / 1024} KB."];
            return Page();
        }

        var (current, revision) = writer.ReadSettingsFile(TicketCategoryCatalog.FileName);
        if ((revision ?? string.Empty) != BaseRevision)
        {
            return Changed(current, revision);
        }

        var problems = new List<ContentProblem>();
        var proposed = TicketCategoryCatalog.Parse(Yaml, problems);
        Errors = problems.Where(p => p.Severity == ContentProblem.Error).Select(p => p.Line > 0 ? $"Line {p.Line}: {p.Message}" : p.Message).ToArray();
        if (Errors.Count > 0)
        {
            return Page();
        }

        Orphans = FindOrphans(proposed);
        if (Orphans.Count > 0 && !ConfirmOrphans)
        {
            return Page();
        }

        var (result, changeId, error) = await saver.SaveAsync(User, TicketCategoryCatalog.FileName, Yaml, "Update the ticket-category catalog", HttpContext.RequestAborted, BaseRevision).ConfigureAwait(false);
        if (result?.Status == SaveStatus.Conflict)
        {
            // Someone saved between the check above and the write: the writer refused it under its lock.
            return Changed(result.CurrentContent, result.CurrentRevision);
        }

        if (error is not null)
        {
            Errors = [error];
            return Page();
        }

        if (result?.Unchanged == true)
        {
            Notice = "Nothing to save: the catalog is already like this.";
            return Page();
        }

        return changeId is { } id ? Redirect($"/studio/changes/{id}") : Redirect("/studio/ticket-categories?saved=1");
    }

    /// <summary>Someone saved or pushed since the form was opened: show both, and let the next save start from theirs.</summary>
    private PageResult Changed(string? current, string? revision)
    {
        TheirYaml = current ?? string.Empty;
        BaseRevision = revision ?? string.Empty;
        Errors = ["The catalog changed since you opened it. Nothing was saved: bring your changes into the current version (below) and save again."];
        return Page();
    }

    /// <summary>Ids of the published catalog that <paramref name="proposed"/> drops while articles still name them.</summary>
    private OrphanedCategory[] FindOrphans(TicketCategoryCatalog proposed) =>
        Categories.Where(c => !proposed.Contains(c.Id) && UsageOf(c.Id).Total > 0)
            .Select(c => new OrphanedCategory(
                c.Id,
                store.Current.Articles.Values.Where(a => a.Metadata.TicketCategories.Contains(c.Id, StringComparer.Ordinal)).OrderBy(a => a.Path, StringComparer.Ordinal).ToArray(),
                proposed.Categories.FirstOrDefault(n => Categories.All(o => o.Id != n.Id) && LooksLike(n, c))?.Id))
            .ToArray();

    private static bool LooksLike(TicketCategory renamed, TicketCategory old) =>
        (renamed.Name == old.Name && old.Name != old.Id) || renamed.ExternalIds.Any(e => old.ExternalIds.TryGetValue(e.Key, out var v) && v == e.Value);

    private void Load()
    {
        var snapshot = store.Current;
        Categories = snapshot.TicketCategories.Categories;
        Usage = snapshot.Articles.Values
            .SelectMany(a => a.Metadata.TicketCategories.Distinct(StringComparer.Ordinal).Select(id => (Id: id, a.IsPublic)))
            .GroupBy(x => x.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new CategoryUsage(g.Count(x => x.IsPublic), g.Count(x => !x.IsPublic)), StringComparer.Ordinal);
        UnknownIds = Usage.Keys.Where(id => !snapshot.TicketCategories.Contains(id)).Order(StringComparer.Ordinal).ToArray();
        PublishedProblems = snapshot.Problems.Where(p => p.File == TicketCategoryCatalog.FileName).ToArray();
    }
}
