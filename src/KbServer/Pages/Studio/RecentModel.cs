using KbCore.Content;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio;

/// <summary>The team's recent changes (internal articles included: this is the studio).</summary>
public sealed class RecentModel(ContentRepository repository, ContentStore store) : PageModel
{
    public IReadOnlyList<RecentChange> Changes { get; private set; } = [];

    public void OnGet() => Changes = RecentChange.Load(repository, store.Current);
}
