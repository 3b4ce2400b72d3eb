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

    public IReadOnlyDictionary<string, int> ArticleCounts { get; private set; } = new Dictionary<string, int>();

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>Removed ids still referenced, each with the articles that reference it.</summary>
    public IReadOnlyList<(string Id, IReadOnlyList<Article> Articles)> Orphans { get; private set; } = [];

    public string? Notice { get; private set; }

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
        if (Yaml.Length > ContentWriter.MaxSettingsBytes)
        {
            Errors = [$"The catalog is limited to {ContentWriter.MaxSettingsBytes / 1024} KB."];
            return Page();
        }

        var (current, revision) = writer.ReadSettingsFile(TicketCategoryCatalog.FileName);
        if ((revision ?? string.Empty) != (BaseRevision ?? string.Empty))
        {
            // Someone saved or pushed since: show both, and let the next save start from theirs.
            TheirYaml = current ?? string.Empty;
            BaseRevision = revision ?? string.Empty;
            Errors = ["The catalog changed since you opened it. Nothing was saved: bring your changes into the current version (below) and save again."];
            return Page();
        }

        var problems = new List<ContentProblem>();
        var proposed = TicketCategoryCatalog.Parse(Yaml, problems);
        Errors = problems.Where(p => p.Severity == ContentProblem.Error).Select(p => p.Line > 0 ? $"Line {p.Line}: {p.Message}" : p.Message).ToArray();
        if (Errors.Count > 0)
        {
            return Page();
        }

        Orphans = store.Current.Articles.Values
            .SelectMany(a => a.Metadata.TicketCategories.Where(id => Categories.Any(c => c.Id == id) && !proposed.Contains(id)).Select(id => (Id: id, Article: a)))
            .GroupBy(x => x.Id, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<Article>)g.Select(x => x.Article).OrderBy(a => a.Path, StringComparer.Ordinal).ToArray()))
            .ToArray();
        if (Orphans.Count > 0 && !ConfirmOrphans)
        {
            return Page();
        }

        var (_, changeId, error) = await saver.SaveAsync(User, TicketCategoryCatalog.FileName, Yaml, "Update the ticket-category catalog", HttpContext.RequestAborted).ConfigureAwait(false);
        if (error is not null)
        {
            Errors = [error];
            return Page();
        }

        return changeId is { } id ? Redirect($"/studio/changes/{id}") : Redirect("/studio/ticket-categories?saved=1");
    }

    private void Load()
    {
        var snapshot = store.Current;
        Categories = snapshot.TicketCategories.Categories;
        ArticleCounts = snapshot.Articles.Values
            .SelectMany(a => a.Metadata.TicketCategories)
            .GroupBy(id => id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }
}
