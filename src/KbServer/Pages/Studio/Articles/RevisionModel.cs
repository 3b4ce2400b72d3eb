using KbCore.Articles;
using KbCore.Content;
using KbCore.Rendering;
using KbServer.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio.Articles;

/// <summary>An old version, rendered as it looked then, which can be restored as a new commit.</summary>
public sealed class RevisionModel(ArticleRevisions revisions, ContentStore store, ContentWriter writer, ArticleRenderer renderer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Path { get; set => field = value ?? string.Empty; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string Commit { get; set => field = value ?? string.Empty; } = string.Empty;

    public ArticleRevision? Revision { get; private set; }

    public string Text { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    public string Html { get; private set; } = string.Empty;

    public string? FormError { get; private set; }

    public IActionResult OnGet() => Load() ? Page() : NotFound();

    public async Task<IActionResult> OnPostRestoreAsync()
    {
        if (!Load())
        {
            return NotFound();
        }

        // Against whatever is there now: restoring is a deliberate choice of this text over the current one.
        var current = writer.Read(Path);
        if (CurrentAuthor.PublishRefusal(User, HttpContext.RequestServices.GetRequiredService<KbCore.Reviews.ChangeRequests>()) is { } policy)
        {
            FormError = policy;
            return Page();
        }

        var result = await writer.SaveAsync(Path, Text, current?.Revision, CurrentAuthor.Of(User), $"Restore {Path} to {Commit[..7]}", HttpContext.RequestAborted).ConfigureAwait(false);
        if (result.Status == SaveStatus.Committed)
        {
            return Redirect($"/studio/edit?path={Uri.EscapeDataString(Path)}&saved={result.CommitSha![..7]}");
        }

        FormError = result.Error ?? "Someone changed the article at the same moment; try again.";
        return Page();
    }

    private bool Load()
    {
        var file = store.Current.Articles.TryGetValue(Path, out var article) ? article.FilePath : Path + ".md";
        Revision = revisions.History(file).FirstOrDefault(r => r.CommitSha == Commit && r.BlobSha is not null);
        if (Revision is null || revisions.TextAt(Revision.CommitSha, Revision.FilePath) is not { } text)
        {
            return false;
        }

        Text = text;
        try
        {
            var parsed = FrontMatterParser.Parse(text, Visibility.Internal);
            Title = parsed.Metadata.Title ?? Path;
            var old = new Article(Path, Revision.FilePath, Revision.BlobSha!, Title, parsed.Metadata, parsed.Body, parsed.BodyLine);
            Html = renderer.RenderPreview(old, store.Current.Links).Html;
        }
        catch (FrontMatterException e)
        {
            Title = Path;
            Html = $"<p>This version's front matter cannot be read (line {e.Line}); see its source.</p>";
        }

        return true;
    }
}
