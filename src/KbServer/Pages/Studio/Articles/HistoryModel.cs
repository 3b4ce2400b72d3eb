using KbCore.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio.Articles;

/// <summary>Every version of an article, following renames, including the commit that deleted it.</summary>
public sealed class HistoryModel(ArticleRevisions revisions, ContentStore store, KbCore.Reviews.ChangeRequests changes) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Path { get; set => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Only versions written by, or approved by, someone matching this (name or email).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Who { get; set; }

    public IReadOnlyList<ArticleRevision> Revisions { get; private set; } = [];

    public bool Exists { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (ArticlePaths.Validate(Path) is not null && !store.Current.Articles.ContainsKey(Path))
        {
            return NotFound();
        }

        var file = store.Current.Articles.TryGetValue(Path, out var article) ? article.FilePath : Path + ".md";
        Exists = article is not null;
        var merges = await changes.MergeCommitsAsync(HttpContext.RequestAborted).ConfigureAwait(false);
        Revisions = revisions.History(file).Select(r => merges.Contains(r.CommitSha) ? r : r with { ApprovedBy = [] }).ToList();
        if (Revisions.Count == 0 && !Exists)
        {
            return NotFound();
        }

        if (!string.IsNullOrWhiteSpace(Who))
        {
            var who = Who.Trim();
            Revisions = Revisions.Where(r => r.AuthorName.Contains(who, StringComparison.OrdinalIgnoreCase) || r.AuthorEmail.Contains(who, StringComparison.OrdinalIgnoreCase) ||
                r.ApprovedBy.Any(a => a.Contains(who, StringComparison.OrdinalIgnoreCase))).ToList();
        }

        return Page();
    }
}
