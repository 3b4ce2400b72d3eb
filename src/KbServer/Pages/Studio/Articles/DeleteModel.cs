using KbCore.Articles;
using KbCore.Content;
using KbServer.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio.Articles;

/// <summary>Deleting asks first (a GET never deletes) and says what links here; the article stays restorable from history.</summary>
public sealed class DeleteModel(ContentWriter writer, ContentStore store) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Path { get; set => field = value ?? string.Empty; } = string.Empty;

    [BindProperty]
    public string? BaseRevision { get; set; }

    [BindProperty]
    public string? Message { get; set; }

    public string Title { get; private set; } = string.Empty;

    public IReadOnlyList<Article> Backlinks { get; private set; } = [];

    public string? FormError { get; private set; }

    public IActionResult OnGet()
    {
        if (!Load())
        {
            return NotFound();
        }

        BaseRevision = store.Current.Articles[Path].BlobSha;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Load())
        {
            return NotFound();
        }

        if (CurrentAuthor.PublishRefusal(User, HttpContext.RequestServices.GetRequiredService<KbCore.Reviews.ChangeRequests>()) is { } policy)
        {
            FormError = policy;
            return Page();
        }

        var result = await writer.DeleteAsync(Path, BaseRevision, CurrentAuthor.Of(User), Message, HttpContext.RequestAborted).ConfigureAwait(false);
        if (result.Status == SaveStatus.Committed)
        {
            return Redirect($"/studio/history?path={Uri.EscapeDataString(Path)}");
        }

        FormError = result.Status == SaveStatus.Conflict
            ? "Someone changed the article since you opened this page; look at the latest version before deleting it."
            : result.Error;
        BaseRevision = result.CurrentRevision ?? BaseRevision;
        return Page();
    }

    private bool Load()
    {
        var snapshot = store.Current;
        if (!snapshot.Articles.TryGetValue(Path, out var article))
        {
            return false;
        }

        Title = article.Title;
        var slug = article.Slug;
        Backlinks = snapshot.Articles.Values
            .Where(a => a.Path != Path && a.Body.Contains(slug, StringComparison.Ordinal) && LinkUpdater.LinksTo(a.Body, a.FilePath, Path))
            .OrderBy(a => a.Title, StringComparer.Ordinal)
            .ToList();
        return true;
    }
}
