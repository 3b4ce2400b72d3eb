using KbCore.Content;
using KbServer.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio.Articles;

/// <summary>Rename or move an article in one commit, with links and a redirect (see <see cref="ContentWriter.MoveAsync"/>).</summary>
public sealed class MoveModel(ContentWriter writer, ContentStore store) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Path { get; set => field = value ?? string.Empty; } = string.Empty;

    [BindProperty]
    public string To { get; set => field = value ?? string.Empty; } = string.Empty;

    [BindProperty]
    public string? BaseRevision { get; set; }

    [BindProperty]
    public string? Message { get; set; }

    public string Title { get; private set; } = string.Empty;

    public string? FormError { get; private set; }

    public IActionResult OnGet()
    {
        ModelState.Clear();
        if (!store.Current.Articles.TryGetValue(Path, out var article))
        {
            return NotFound();
        }

        Title = article.Title;
        To = Path;
        BaseRevision = article.BlobSha;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (!store.Current.Articles.TryGetValue(Path, out var article))
        {
            return NotFound();
        }

        Title = article.Title;
        var to = To.Trim().Trim('/');
        if (to == Path)
        {
            ModelState.AddModelError(nameof(To), "Enter a different path.");
            return Page();
        }

        if (CurrentAuthor.PublishRefusal(User, HttpContext.RequestServices.GetRequiredService<KbCore.Reviews.ChangeRequests>()) is { } policy)
        {
            FormError = policy;
            return Page();
        }

        var result = await writer.MoveAsync(Path, to, BaseRevision, CurrentAuthor.Of(User), Message, HttpContext.RequestAborted).ConfigureAwait(false);
        switch (result.Status)
        {
            case SaveStatus.Committed:
                return Redirect($"/studio/edit?path={Uri.EscapeDataString(to)}&saved={result.CommitSha![..7]}");
            case SaveStatus.Conflict:
                FormError = "The article changed since you opened this page. Check its latest version, then move it.";
                BaseRevision = result.CurrentRevision;
                return Page();
            case SaveStatus.NotFound:
                return NotFound();
            default:
                if (result.Field == "to")
                {
                    ModelState.AddModelError(nameof(To), result.Error ?? "Invalid path.");
                }
                else
                {
                    FormError = result.Error;
                }

                return Page();
        }
    }
}
