using System.Security.Claims;
using KbCore.Content;
using KbCore.Reviews;
using KbServer.Auth;

namespace KbServer.Pages.Studio;

/// <summary>
/// Saves a settings file (the review policy, the ticket-category catalog) the way the policy in force says: a commit
/// on the published branch when the person may publish directly, otherwise a new change request holding the edit.
/// </summary>
public sealed class SettingsFileSaver(ChangeRequests changes, ContentWriter writer)
{
    /// <returns>The change request that holds the edit (null when published), or an error for the form.</returns>
    public async Task<(SaveResult? Result, int? ChangeId, string? Error)> SaveAsync(ClaimsPrincipal user, string filePath, string text, string message, CancellationToken cancellationToken)
    {
        var author = CurrentAuthor.Reviewer(user);
        string? branch = null;
        int? changeId = null;
        if (CurrentAuthor.PublishRefusal(user, changes) is not null)
        {
            var (request, error) = await changes.CreateAsync(message, author, cancellationToken).ConfigureAwait(false);
            if (request is null)
            {
                return (null, null, error);
            }

            (branch, changeId) = (request.Branch, request.Id);
        }

        var result = await writer.SaveSettingsFileAsync(filePath, text, author.Commit, message, branch, cancellationToken).ConfigureAwait(false);
        if (result.Status != SaveStatus.Committed)
        {
            return (result, null, result.Error ?? "The file could not be saved; try again.");
        }

        if (changeId is { } id)
        {
            await changes.BranchMovedAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return (result, changeId, null);
    }
}
