using KbCore.Content;
using KbServer.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio;

/// <summary>The studio's front page.</summary>
public sealed class IndexModel(ContentRepository repository, ContentStore store) : PageModel
{
    public IReadOnlyList<CommitSummary> Recent { get; private set; } = [];

    public string Name => User.FindFirst(KbAuthSchemes.NameClaim)?.Value ?? User.Identity?.Name ?? string.Empty;

    public void OnGet() => Recent = repository.RecentCommits(store.Current.CommitSha, 20);
}
