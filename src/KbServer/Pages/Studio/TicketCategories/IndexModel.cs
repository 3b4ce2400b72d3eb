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
public sealed class IndexModel(ContentStore store, ContentWriter writer, SettingsFileSaver saver) : SettingsFileEditorModel(store, writer, saver)
{
    [BindProperty]
    public bool ConfirmOrphans { get; set; }

    public IReadOnlyList<TicketCategory> Categories { get; private set; } = [];

    public IReadOnlyDictionary<string, CategoryUsage> Usage { get; private set; } = new Dictionary<string, CategoryUsage>();

    /// <summary>Ids articles name that the published catalog lacks (<c>check</c> fails on them).</summary>
    public IReadOnlyList<string> UnknownIds { get; private set; } = [];

    public IReadOnlyList<OrphanedCategory> Orphans { get; private set; } = [];

    protected override string FileName => TicketCategoryCatalog.FileName;

    protected override string Noun => "the catalog";

    protected override string Template => "categories:\n  - id: example\n    name: Example category\n";

    protected override string CommitMessage => "Update the ticket-category catalog";

    protected override string SavedUrl => "/studio/ticket-categories?saved=1";

    /// <summary>The "add a category" form beside the YAML.</summary>
    [BindProperty]
    public NewCategoryForm New { get; set; } = new();

    /// <summary>Problems of that form, by field (<c>Id</c>, <c>Name</c>, …).</summary>
    public IReadOnlyDictionary<string, string> NewErrors { get; private set; } = new Dictionary<string, string>();

    public CategoryUsage UsageOf(string id) => Usage.GetValueOrDefault(id) ?? new(0, 0);

    public void OnGet(string? saved)
    {
        OpenFile(saved is not null);
        Load();
    }

    public Task<IActionResult> OnPostAsync()
    {
        Load();
        TicketCategoryCatalog? proposed = null;
        return SaveFileAsync(
            yaml =>
            {
                var problems = new List<ContentProblem>();
                proposed = TicketCategoryCatalog.Parse(yaml, problems);
                return ErrorLines(problems);
            },
            () =>
            {
                Orphans = FindOrphans(proposed!);
                return Orphans.Count > 0 && !ConfirmOrphans ? Page() : null;
            });
    }

    /// <summary>Adds one category from the form at the end of the file; the rest of the file stays as it is.</summary>
    public Task<IActionResult> OnPostAddAsync()
    {
        Load();
        NewErrors = New.Validate(Categories);
        if (NewErrors.Count > 0)
        {
            OpenFile(saved: false);
            return Task.FromResult<IActionResult>(Page());
        }

        return AppendAndSaveAsync(New.ToYaml(Quoted), yaml =>
        {
            var problems = new List<ContentProblem>();
            TicketCategoryCatalog.Parse(yaml, problems);
            return ErrorLines(problems);
        });
    }

    /// <summary>Ids of the published catalog that <paramref name="proposed"/> drops while articles still name them.</summary>
    private OrphanedCategory[] FindOrphans(TicketCategoryCatalog proposed) =>
        Categories.Where(c => !proposed.Contains(c.Id) && UsageOf(c.Id).Total > 0)
            .Select(c => new OrphanedCategory(
                c.Id,
                Store.Current.Articles.Values.Where(a => a.Metadata.TicketCategories.Contains(c.Id, StringComparer.Ordinal)).OrderBy(a => a.Path, StringComparer.Ordinal).ToArray(),
                proposed.Categories.FirstOrDefault(n => Categories.All(o => o.Id != n.Id) && LooksLike(n, c))?.Id))
            .ToArray();

    private static bool LooksLike(TicketCategory renamed, TicketCategory old) =>
        (renamed.Name == old.Name && old.Name != old.Id) || renamed.ExternalIds.Any(e => old.ExternalIds.TryGetValue(e.Key, out var v) && v == e.Value);

    private void Load()
    {
        var snapshot = Store.Current;
        Categories = snapshot.TicketCategories.Categories;
        Usage = snapshot.Articles.Values
            .SelectMany(a => a.Metadata.TicketCategories.Distinct(StringComparer.Ordinal).Select(id => (Id: id, a.IsPublic)))
            .GroupBy(x => x.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new CategoryUsage(g.Count(x => x.IsPublic), g.Count(x => !x.IsPublic)), StringComparer.Ordinal);
        UnknownIds = Usage.Keys.Where(id => !snapshot.TicketCategories.Contains(id)).Order(StringComparer.Ordinal).ToArray();
    }
}
