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
    private const string ConflictMessage = "Someone else changed this file since you opened it. Their version is shown; bring your edit into it and save again.";

    /// <param name="baseRevision">The file's blob SHA when the editor opened it ("" for no file); null skips the check.</param>
    /// <returns>
    /// The change request that holds the edit (null when published), or an error for the form. On an error the result
    /// may be a <see cref="SaveStatus.Conflict"/> with the version someone else saved meanwhile.
    /// </returns>
    public async Task<(SaveResult? Result, int? ChangeId, string? Error)> SaveAsync(ClaimsPrincipal user, string filePath, string text, string message, CancellationToken cancellationToken, string? baseRevision = null)
    {
        var author = CurrentAuthor.Reviewer(user);
        string? branch = null;
        int? changeId = null;
        if (CurrentAuthor.PublishRefusal(user, changes) is not null)
        {
            // Checked before a change request exists, so a stale or empty edit does not leave an empty one behind.
            var (publishedText, publishedRevision) = writer.ReadSettingsFile(filePath);
            if (baseRevision is not null && baseRevision != (publishedRevision ?? string.Empty))
            {
                return (new SaveResult(SaveStatus.Conflict) { CurrentContent = publishedText, CurrentRevision = publishedRevision ?? string.Empty }, null, ConflictMessage);
            }

            if (publishedText == text)
            {
                return (new SaveResult(SaveStatus.Committed) { Unchanged = true }, null, null);
            }

            var (request, refusal) = await changes.CreateAsync(message, author, cancellationToken).ConfigureAwait(false);
            if (request is null)
            {
                return (null, null, refusal!.Message);
            }

            (branch, changeId) = (request.Branch, request.Id);
        }

        var result = await writer.SaveSettingsFileAsync(filePath, text, author.Commit, message, branch, cancellationToken, baseRevision).ConfigureAwait(false);
        if (result.Status != SaveStatus.Committed || result.Unchanged)
        {
            if (changeId is { } empty)
            {
                // The published branch moved between the check above and the write: the request holds nothing.
                await changes.CloseAsync(empty, author, CancellationToken.None).ConfigureAwait(false);
            }

            return result.Status switch
            {
                SaveStatus.Committed => (result, null, null),
                SaveStatus.Conflict => (result, null, ConflictMessage),
                _ => (result, null, result.Error ?? "The file could not be saved; try again."),
            };
        }

        if (changeId is { } id)
        {
            await changes.BranchMovedAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return (result, changeId, null);
    }
}
