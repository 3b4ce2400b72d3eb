using KbCore.Content;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio;

/// <summary>The team's recent changes (internal articles included: this is the studio).</summary>
public sealed class RecentModel(ContentRepository repository, ContentStore store, KbCore.Reviews.ChangeRequests changes) : PageModel
{
    public IReadOnlyList<RecentChange> Changes { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var merges = await changes.MergeCommitsAsync(HttpContext.RequestAborted).ConfigureAwait(false);
        Changes = RecentChange.Load(repository, store.Current)
            .Select(c => merges.Contains(c.Commit.Sha) ? c : c with { Commit = c.Commit with { ApprovedBy = [] } })
            .ToList();
    }
}
