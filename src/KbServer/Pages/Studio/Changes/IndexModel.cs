using KbCore.Reviews;
using KbServer.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio.Changes;

/// <summary>All change requests, newest first, and a form to start one.</summary>
public sealed class IndexModel(ChangeRequests changes) : PageModel
{
    public IReadOnlyList<ChangeRequest> Requests { get; private set; } = [];

    public string? FormError { get; private set; }

    public async Task OnGetAsync() => Requests = await changes.ListAsync(openOnly: false, HttpContext.RequestAborted).ConfigureAwait(false);

    public async Task<IActionResult> OnPostAsync(string? title)
    {
        var (request, refusal) = await changes.CreateAsync(title ?? string.Empty, CurrentAuthor.Reviewer(User), HttpContext.RequestAborted).ConfigureAwait(false);
        if (request is not null)
        {
            return Redirect($"/studio/changes/{request.Id}");
        }

        FormError = ModelState.Show(refusal);
        await OnGetAsync().ConfigureAwait(false);
        return Page();
    }
}
