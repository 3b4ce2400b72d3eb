using System.Security.Claims;
using System.Text.Json;
using KbCore.Articles;
using KbCore.Content;
using KbCore.Reviews;
using KbServer.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio;

/// <summary>The studio's front page: the person's drafts and edits, change requests waiting for them, articles due for a re-check, and what the team changed.</summary>
public sealed class IndexModel(ContentRepository repository, ContentStore store, EditorDrafts drafts, ChangeRequests changes, TimeProvider clock) : PageModel
{
    /// <summary>How many first-parent commits to scan for the person's own edits: bounds the walk on a busy branch.</summary>
    private const int MaxCommitsScanned = 1000;

    private ContentSnapshot _snapshot = ContentSnapshot.Empty;

    public IReadOnlyList<CommitSummary> Recent { get; private set; } = [];

    public IReadOnlyList<CommitSummary> MyEdits { get; private set; } = [];

    public IReadOnlyList<EditorDraft> MyDrafts { get; private set; } = [];

    /// <summary>Articles whose review date has passed, oldest first.</summary>
    public IReadOnlyList<Article> NeedsReview { get; private set; } = [];

    public int NeedsReviewTotal { get; private set; }

    /// <summary>Change requests this reviewer has not looked at since their last commit, longest-waiting first.</summary>
    public IReadOnlyList<ChangeRequest> WaitingForYou { get; private set; } = [];

    public bool CanReview => User.IsInRole(KbCore.Accounts.KbRoles.Reviewer) || User.IsInRole(KbCore.Accounts.KbRoles.Admin);

    public int ArticleCount => _snapshot.Articles.Count;

    public string Name => User.FindFirst(KbAuthSchemes.NameClaim)?.Value ?? User.Identity?.Name ?? string.Empty;

    public async Task OnGetAsync()
    {
        // One snapshot for the whole page, so titles and review dates come from the same commit.
        _snapshot = store.Current;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var stale = _snapshot.Articles.Values
            .Where(a => a.Metadata.ReviewBy is { } reviewBy && reviewBy < today)
            .OrderBy(a => a.Metadata.ReviewBy)
            .ThenBy(a => a.Path, StringComparer.Ordinal)
            .ToList();
        NeedsReviewTotal = stale.Count;
        NeedsReview = stale.Take(15).ToList();

        WaitingForYou = await HttpContext.WaitingForYouAsync(changes).ConfigureAwait(false);
        MyDrafts = await drafts.ForUserAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, HttpContext.RequestAborted).ConfigureAwait(false);

        // An empty repository has no commit to walk from.
        if (_snapshot.CommitSha.Length > 0)
        {
            Recent = repository.RecentCommits(_snapshot.CommitSha, 20);
            MyEdits = repository.RecentCommitsBy(_snapshot.CommitSha, CurrentAuthor.Of(User).Email, 10, MaxCommitsScanned);
        }
    }

    /// <summary>The article a repository file is, when it is one in the current snapshot.</summary>
    public Article? ArticleAt(string filePath) =>
        ArticlePaths.ArticlePathOf(filePath) is { } path && _snapshot.Articles.TryGetValue(path, out var article) ? article : null;

    public string DraftUrl(EditorDraft draft) =>
        draft.Path.Length == 0 ? "/studio/edit" : "/studio/edit?path=" + Uri.EscapeDataString(draft.Path);

    /// <summary>
    /// What to call a draft: the article's current title, else the title typed into the draft, else its path.
    /// The draft's JSON is the editor's form; reading it is best effort, a draft that does not parse still shows.
    /// </summary>
    public string DraftTitle(EditorDraft draft)
    {
        if (draft.Path.Length > 0 && _snapshot.Articles.TryGetValue(draft.Path, out var article))
        {
            return article.Title;
        }

        try
        {
            using var json = JsonDocument.Parse(draft.FormJson);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("Form", out var form) && form.ValueKind == JsonValueKind.Object
                && form.TryGetProperty("Title", out var title) && title.ValueKind == JsonValueKind.String
                && title.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
            // Written by an older editor or cut short: fall back to the path below.
        }

        return draft.Path.Length == 0 ? "Untitled new article" : draft.Path;
    }
}
