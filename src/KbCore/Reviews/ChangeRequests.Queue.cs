using KbCore.Accounts;
using Microsoft.EntityFrameworkCore;

namespace KbCore.Reviews;

/// <summary>What waits for a reviewer: the dashboard's panel and the navigation's count.</summary>
public sealed partial class ChangeRequests
{
    /// <summary>
    /// Requests in review that <paramref name="reviewer"/> may approve and has not given a verdict on at the
    /// branch's current head (a new commit makes an earlier verdict stale, so it waits again), oldest first:
    /// the longest-waiting is the first to look at. Empty for authors, who cannot approve.
    /// </summary>
    public async Task<IReadOnlyList<ChangeRequest>> WaitingForAsync(ReviewerIdentity reviewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        if (!reviewer.Roles.Any(r => r is KbRoles.Reviewer or KbRoles.Admin))
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var candidates = await db.ChangeRequests.AsNoTracking().Include(c => c.Reviews)
            .Where(c => c.State == ChangeRequestStates.InReview && c.AuthorId != reviewer.UserId)
            .OrderBy(c => c.UpdatedAt)
            .Take(200)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        // One repository open for all the heads: this runs on every studio page a reviewer views.
        using var repo = repository.Open();
        return candidates
            .Where(c => repo.Branches[c.Branch]?.Tip?.Sha is { } head && !c.Reviews.Exists(r => r.ReviewerId == reviewer.UserId && r.HeadCommit == head))
            .ToList();
    }
}
