using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using KbCore.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio.Articles;

/// <summary>The source diff between two versions of an article, side by side or inline.</summary>
public sealed class DiffModel(ArticleRevisions revisions, ContentStore store) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Path { get; set => field = value ?? string.Empty; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string From { get; set => field = value ?? string.Empty; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string To { get; set => field = value ?? string.Empty; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string View { get; set => field = value == "inline" ? "inline" : "side"; } = "side";

    public SideBySideDiffModel? Side { get; private set; }

    public DiffPaneModel? Inline { get; private set; }

    public IActionResult OnGet()
    {
        var file = store.Current.Articles.TryGetValue(Path, out var article) ? article.FilePath : Path + ".md";
        var history = revisions.History(file);
        var from = history.FirstOrDefault(r => r.CommitSha == From && r.BlobSha is not null);
        var to = history.FirstOrDefault(r => r.CommitSha == To && r.BlobSha is not null);
        if (from is null || to is null)
        {
            return NotFound();
        }

        var oldText = revisions.TextAt(from.CommitSha, from.FilePath) ?? string.Empty;
        var newText = revisions.TextAt(to.CommitSha, to.FilePath) ?? string.Empty;
        if (View == "inline")
        {
            Inline = InlineDiffBuilder.Diff(oldText, newText, ignoreWhiteSpace: false);
        }
        else
        {
            Side = SideBySideDiffBuilder.Diff(oldText, newText, ignoreWhiteSpace: false);
        }

        return Page();
    }
}
