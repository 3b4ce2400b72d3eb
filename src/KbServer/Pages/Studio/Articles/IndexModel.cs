using KbCore.Articles;
using KbCore.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio.Articles;

/// <summary>
/// Every article of the published snapshot, internal ones included, as a folder tree with filters.
/// Works from the in-memory snapshot only: no git read per row, so it stays fast on thousands of articles.
/// </summary>
public sealed class IndexModel(ContentStore store, TimeProvider clock) : PageModel
{
    private static readonly string[] VisibilityValues = ["public", "internal"];

    [BindProperty(SupportsGet = true, Name = "category")]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true, Name = "tag")]
    public string? Tag { get; set; }

    /// <summary>A ticket-category id: the articles that link to it (the catalog page links here).</summary>
    [BindProperty(SupportsGet = true, Name = "ticket")]
    public string? TicketCategory { get; set; }

    /// <summary><c>public</c> or <c>internal</c>; anything else shows both.</summary>
    [BindProperty(SupportsGet = true, Name = "visibility")]
    public string? Visibility { get; set; }

    [BindProperty(SupportsGet = true, Name = "owner")]
    public string? Owner { get; set; }

    [BindProperty(SupportsGet = true, Name = "stale")]
    public bool StaleOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    public DateOnly Today { get; private set; }

    public int Total { get; private set; }

    public int Shown { get; private set; }

    public int StaleCount { get; private set; }

    /// <summary>Folders holding a shown article, in tree order (parents before children), with their shown articles.</summary>
    public IReadOnlyList<(Folder Folder, IReadOnlyList<Article> Articles)> Groups { get; private set; } = [];

    /// <summary>Top-level folders, for the category filter.</summary>
    public IReadOnlyList<Folder> Categories { get; private set; } = [];

    public IReadOnlyList<string> Tags { get; private set; } = [];

    public IReadOnlyList<string> Owners { get; private set; } = [];

    /// <summary>Catalog categories (id, name) for the ticket-category filter.</summary>
    public IReadOnlyList<(string Id, string Name)> TicketCategories { get; private set; } = [];

    public bool Filtered => Category is { Length: > 0 } || Tag is { Length: > 0 } || TicketCategory is { Length: > 0 } || VisibilityFilter is not null || Owner is { Length: > 0 } || StaleOnly || Text is { Length: > 0 };

    public string NewArticleUrl => Category is { Length: > 0 } ? "/studio/edit?folder=" + Uri.EscapeDataString(Category) : "/studio/edit";

    private KbCore.Articles.Visibility? VisibilityFilter => Visibility switch
    {
        "public" => KbCore.Articles.Visibility.Public,
        "internal" => KbCore.Articles.Visibility.Internal,
        _ => null,
    };

    public bool IsStale(Article article) => article.Metadata.ReviewBy is { } reviewBy && reviewBy < Today;

    public void OnGet()
    {
        // One snapshot for the whole request: a push meanwhile must not mix two commits on one page.
        var snapshot = store.Current;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Category = Category?.Trim().Trim('/');
        Text = Text?.Trim();
        Tag = Tag?.Trim();
        TicketCategory = TicketCategory?.Trim();
        Owner = Owner?.Trim();
        Visibility = VisibilityValues.FirstOrDefault(v => string.Equals(v, Visibility?.Trim(), StringComparison.OrdinalIgnoreCase));

        var all = snapshot.Articles.Values;
        Total = snapshot.Articles.Count;
        StaleCount = all.Count(IsStale);
        Categories = snapshot.Root.Folders;
        Tags = all.SelectMany(a => a.Metadata.Tags).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        TicketCategories = snapshot.TicketCategories.Categories.Select(c => (c.Id, c.Name)).ToList();
        if (TicketCategory is { Length: > 0 } && !snapshot.TicketCategories.Contains(TicketCategory))
        {
            // An id articles use but the catalog lacks is still a filter worth keeping selected.
            TicketCategories = [.. TicketCategories, (TicketCategory, TicketCategory + " (not in the catalog)")];
        }

        Owners = all.Select(a => a.Metadata.Owner).OfType<string>().Where(o => o.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();

        var groups = new List<(Folder, IReadOnlyList<Article>)>();
        Collect(snapshot.Root, groups);
        Groups = groups;
        Shown = groups.Sum(g => g.Item2.Count);
    }

    private void Collect(Folder folder, List<(Folder, IReadOnlyList<Article>)> groups)
    {
        if (folder.Depth == 1 && Category is { Length: > 0 } && !string.Equals(folder.Path, Category, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        // Root articles belong to no category, so a category filter hides them.
        var matching = folder.Depth == 0 && Category is { Length: > 0 } ? [] : folder.Articles.Where(Matches).ToList();
        if (matching.Count > 0)
        {
            groups.Add((folder, matching));
        }

        foreach (var child in folder.Folders)
        {
            Collect(child, groups);
        }
    }

    private bool Matches(Article article) =>
        (Tag is not { Length: > 0 } || article.Metadata.Tags.Contains(Tag, StringComparer.OrdinalIgnoreCase))
        && (TicketCategory is not { Length: > 0 } || article.Metadata.TicketCategories.Contains(TicketCategory, StringComparer.Ordinal))
        && (VisibilityFilter is not { } visibility || (visibility == KbCore.Articles.Visibility.Public) == article.IsPublic)
        && (Owner is not { Length: > 0 } || string.Equals(article.Metadata.Owner, Owner, StringComparison.OrdinalIgnoreCase))
        && (!StaleOnly || IsStale(article))
        && (Text is not { Length: > 0 } || article.Title.Contains(Text, StringComparison.OrdinalIgnoreCase) || article.Path.Contains(Text, StringComparison.OrdinalIgnoreCase));
}
