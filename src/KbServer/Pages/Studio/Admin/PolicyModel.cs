using KbCore.Content;
using KbCore.Reviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio.Admin;

/// <summary>
/// Edits <c>.kb/policy.yml</c>. The change follows the policy in force: committed directly when the admin may
/// publish directly, otherwise proposed as a change request. The form carries the file's revision, so a policy
/// another admin saved meanwhile is never overwritten unseen.
/// </summary>
public sealed class PolicyModel(ChangeRequests changes, ContentWriter writer, SettingsFileSaver saver) : PageModel
{
    public ReviewPolicy Current { get; private set; } = ReviewPolicy.Default;

    /// <summary>The policy file's blob id when the form was opened (empty: there was none).</summary>
    public string BaseRevision { get; private set; } = string.Empty;

    public string? FormError { get; private set; }

    public string? Notice { get; private set; }

    public void OnGet() => Open();

    /// <param name="baseRevision">Missing counts as "there was no file", so a form without it cannot overwrite one.</param>
    public async Task<IActionResult> OnPostAsync(string[]? publish, int minApprovals, bool ownApproval, bool squash, string? baseRevision)
    {
        var roles = (publish ?? []).Select(KbCore.Accounts.KbRoles.Parse).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var proposed = new ReviewPolicy(roles, Math.Clamp(minApprovals, 1, 10), ownApproval, squash);
        var (result, changeId, error) = await saver.SaveAsync(User, ReviewPolicy.FilePath, proposed.ToYaml(), "Change the review policy", HttpContext.RequestAborted, baseRevision ?? string.Empty).ConfigureAwait(false);
        if (error is not null)
        {
            FormError = error;
            if (result?.Status == SaveStatus.Conflict)
            {
                // Their policy is shown, with its revision: saving again is a decision made with it in view.
                Open();
            }
            else
            {
                (Current, BaseRevision) = (proposed, baseRevision ?? string.Empty);
            }

            return Page();
        }

        if (changeId is { } id)
        {
            return Redirect($"/studio/changes/{id}");
        }

        Open();
        Notice = result!.Unchanged ? "The policy was already like this." : "Saved: the new policy applies now.";
        return Page();
    }

    private void Open()
    {
        // The revision is read first: if the file changes in between, the form is older than what it shows and a
        // save is refused as a conflict, never the other way round.
        BaseRevision = writer.ReadSettingsFile(ReviewPolicy.FilePath).Revision ?? string.Empty;
        Current = changes.Policy();
    }
}
