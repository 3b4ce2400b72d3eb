using KbCore.Reviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio.Admin;

/// <summary>
/// Edits <c>.kb/policy.yml</c>. The change follows the policy in force: committed directly when the admin may
/// publish directly, otherwise proposed as a change request.
/// </summary>
public sealed class PolicyModel(ChangeRequests changes, SettingsFileSaver saver) : PageModel
{
    public ReviewPolicy Current { get; private set; } = ReviewPolicy.Default;

    public string? FormError { get; private set; }

    public string? Notice { get; private set; }

    public void OnGet() => Current = changes.Policy();

    public async Task<IActionResult> OnPostAsync(string[]? publish, int minApprovals, bool ownApproval, bool squash)
    {
        var roles = (publish ?? []).Select(KbCore.Accounts.KbRoles.Parse).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var proposed = new ReviewPolicy(roles, Math.Clamp(minApprovals, 1, 10), ownApproval, squash);
        var (result, changeId, error) = await saver.SaveAsync(User, ReviewPolicy.FilePath, proposed.ToYaml(), "Change the review policy", HttpContext.RequestAborted).ConfigureAwait(false);
        if (error is not null)
        {
            FormError = error;
            Current = proposed;
            return Page();
        }

        if (changeId is { } id)
        {
            return Redirect($"/studio/changes/{id}");
        }

        Current = changes.Policy();
        Notice = result!.Unchanged ? "The policy was already like this." : "Saved: the new policy applies now.";
        return Page();
    }
}
