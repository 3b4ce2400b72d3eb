using KbCore.Content;
using KbCore.Reviews;
using KbServer.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio.Admin;

/// <summary>
/// Edits <c>.kb/policy.yml</c>. The change follows the policy in force: committed directly when the admin may
/// publish directly, otherwise proposed as a change request.
/// </summary>
public sealed class PolicyModel(ChangeRequests changes, ContentWriter writer) : PageModel
{
    public ReviewPolicy Current { get; private set; } = ReviewPolicy.Default;

    public string? FormError { get; private set; }

    public string? Notice { get; private set; }

    public void OnGet() => Current = changes.Policy();

    public async Task<IActionResult> OnPostAsync(string[]? publish, int minApprovals, bool ownApproval, bool squash)
    {
        var roles = (publish ?? []).Select(KbCore.Accounts.KbRoles.Parse).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var proposed = new ReviewPolicy(roles, Math.Clamp(minApprovals, 1, 10), ownApproval, squash);
        var author = CurrentAuthor.Reviewer(User);
        string? branch = null;
        int? changeId = null;
        if (CurrentAuthor.PublishRefusal(User, changes) is not null)
        {
            var (request, error) = await changes.CreateAsync("Change the review policy", author, HttpContext.RequestAborted).ConfigureAwait(false);
            if (request is null)
            {
                FormError = error;
                Current = proposed;
                return Page();
            }

            (branch, changeId) = (request.Branch, request.Id);
        }

        var result = await writer.SaveSettingsFileAsync(ReviewPolicy.FilePath, proposed.ToYaml(), author.Commit, "Change the review policy", branch, HttpContext.RequestAborted).ConfigureAwait(false);
        if (result.Status != SaveStatus.Committed)
        {
            FormError = result.Error ?? "The policy could not be saved; try again.";
            Current = proposed;
            return Page();
        }

        if (changeId is { } id)
        {
            await changes.BranchMovedAsync(id, HttpContext.RequestAborted).ConfigureAwait(false);
            return Redirect($"/studio/changes/{id}");
        }

        Current = changes.Policy();
        Notice = result.Unchanged ? "The policy was already like this." : "Saved: the new policy applies now.";
        return Page();
    }
}
