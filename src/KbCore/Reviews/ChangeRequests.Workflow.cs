using KbCore.Accounts;
using KbCore.Content;
using KbCore.Outcomes;
using LibGit2Sharp;

namespace KbCore.Reviews;

/// <summary>The review workflow: submit, review, merge, revert, update from the published branch, close.</summary>
public sealed partial class ChangeRequests
{
    /// <summary>The author asks for review.</summary>
    public Task<Refusal?> SubmitAsync(int id, ReviewerIdentity actor, CancellationToken cancellationToken) =>
        UpdateAsync(id, request =>
        {
            if (request.AuthorId != actor.UserId && !actor.Roles.Contains(KbRoles.Admin))
            {
                return Refusal.Forbidden("Only its author can submit a change request for review.");
            }

            if (request.State != ChangeRequestStates.Draft)
            {
                return Refusal.Conflict("This change request is already in review.");
            }

            request.State = ChangeRequestStates.InReview;
            return null;
        }, cancellationToken);

    /// <summary>Approve or request changes at the branch's current head. Null when recorded; otherwise why not (a stale <paramref name="expectedHead"/> is <see cref="RefusalKind.Stale"/>).</summary>
    /// <param name="expectedHead">The head the reviewer looked at, when known: a verdict never covers commits they did not see.</param>
    public async Task<Refusal?> ReviewAsync(int id, ReviewerIdentity reviewer, string verdict, CancellationToken cancellationToken, string? expectedHead = null)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        if (!reviewer.Roles.Any(r => r is KbRoles.Reviewer or KbRoles.Admin))
        {
            return Refusal.Forbidden("Only reviewers and admins review change requests.");
        }

        if (verdict is not (ChangeRequestReview.Approve or ChangeRequestReview.RequestChanges))
        {
            return Refusal.Invalid("verdict", "A review approves or requests changes.");
        }

        var policy = Policy();
        return await UpdateAsync(id, request =>
        {
            if (request.State is ChangeRequestStates.Draft)
            {
                return Refusal.Conflict("The author has not submitted this change request for review yet.");
            }

            if (verdict == ChangeRequestReview.Approve && !policy.AuthorsMayApproveOwn &&
                (request.AuthorId == reviewer.UserId || Commits(request).Any(c => string.Equals(c.AuthorEmail, reviewer.Email, StringComparison.OrdinalIgnoreCase))))
            {
                return Refusal.Conflict("You cannot approve a change request you wrote in under this repository's policy.");
            }

            var head = Head(request.Branch) ?? string.Empty;
            if (expectedHead is not null && expectedHead != head)
            {
                return Refusal.Stale("The change request changed while you were reviewing it; look at the latest changes and review again.");
            }

            request.Reviews.Add(new ChangeRequestReview
            {
                ReviewerId = reviewer.UserId,
                ReviewerName = reviewer.Name,
                ReviewerEmail = reviewer.Email,
                Verdict = verdict,
                HeadCommit = head,
                At = clock.GetUtcNow().UtcDateTime,
            });
            request.State = verdict == ChangeRequestReview.RequestChanges
                ? ChangeRequestStates.ChangesRequested
                : CurrentApprovals(request, head).Count >= Math.Max(1, policy.MinApprovals) ? ChangeRequestStates.Approved : ChangeRequestStates.InReview;
            return null;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Merges an approved change request; refused when it is not approved at its current head or does not merge cleanly.</summary>
    public async Task<Outcome<string>> MergeAsync(int id, ReviewerIdentity merger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merger);
        var request = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (request is null || NotOpen(id, request.State) is not null)
        {
            return NotOpen(id, request?.State)!;
        }

        if (request.AuthorId != merger.UserId && !merger.Roles.Any(r => r is KbRoles.Reviewer or KbRoles.Admin))
        {
            return Refusal.Forbidden("Only the author, reviewers and admins can merge a change request.");
        }

        var policy = Policy();
        var head = Head(request.Branch);
        var approvals = CurrentApprovals(request, head ?? string.Empty);
        if (head is null || request.State != ChangeRequestStates.Approved || approvals.Count < Math.Max(1, policy.MinApprovals))
        {
            return Refusal.Conflict($"It needs {Math.Max(1, policy.MinApprovals)} approval(s) of its latest changes before it can be merged.");
        }

        var result = await writer.MergeAsync(request.Branch, head, MergeMessage(request, approvals, Commits(request)), merger.Commit, policy.Squash, cancellationToken).ConfigureAwait(false);
        if (result.Status != SaveStatus.Committed)
        {
            return Refusal.Conflict(result.Status == SaveStatus.Conflict
                ? $"It does not merge cleanly with the published branch ({result.Error}). Update it from the published branch and resolve the conflicts first."
                : result.Error ?? "It could not be merged.");
        }

        await UpdateAsync(id, r =>
        {
            r.State = ChangeRequestStates.Merged;
            r.MergeCommit = result.CommitSha;
            return null;
        }, cancellationToken).ConfigureAwait(false);
        return result.CommitSha!;
    }

    /// <summary>Opens a new change request that undoes a merged one, for review like any other change.</summary>
    public async Task<Outcome<ChangeRequest>> RevertAsync(int id, ReviewerIdentity actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var merged = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (merged?.MergeCommit is not { } mergeCommit || merged.State != ChangeRequestStates.Merged)
        {
            var nothing = $"Change request #{id} is not merged, so there is nothing to revert.";
            return merged is null ? Refusal.NotFound(nothing) : Refusal.Conflict(nothing);
        }

        var title = $"Revert \"{merged.Title}\"";
        var (revert, refusal) = await CreateAsync(title.Length > ChangeRequest.MaxTitleLength ? title[..ChangeRequest.MaxTitleLength] : title, actor, cancellationToken).ConfigureAwait(false);
        if (revert is null)
        {
            return refusal!;
        }

        var result = await writer.RevertMergeAsync(revert.Branch, mergeCommit, actor.Commit, $"{title}\n\nThis undoes change request #{id} ({mergeCommit}).", cancellationToken).ConfigureAwait(false);
        if (result.Status == SaveStatus.Committed)
        {
            return revert;
        }

        // Nothing useful to review: close the empty request rather than leave it behind.
        await UpdateAsync(revert.Id, r =>
        {
            r.State = ChangeRequestStates.Closed;
            return null;
        }, cancellationToken).ConfigureAwait(false);
        return Refusal.Conflict(result.Status == SaveStatus.Conflict
            ? $"Later changes to {result.Error} overlap what this request changed, so it cannot be undone automatically; undo it by hand in a new change request."
            : result.Error ?? "The revert could not be prepared.");
    }

    /// <summary>Brings the branch up to date with the published branch; conflicts come back to resolve (see <see cref="ContentWriter.UpdateFromPublishedAsync"/>).</summary>
    public async Task<BranchUpdate> UpdateFromPublishedAsync(int id, ReviewerIdentity actor, IReadOnlyDictionary<string, string?>? resolutions, CancellationToken cancellationToken, string? seenPublished = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var request = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (request is null || !ChangeRequestStates.IsOpen(request.State))
        {
            return new BranchUpdate(SaveStatus.NotFound, null, []);
        }

        if (!MayWrite(request, actor))
        {
            return new BranchUpdate(SaveStatus.Rejected, null, []);
        }

        var update = await writer.UpdateFromPublishedAsync(request.Branch, actor.Commit, resolutions, cancellationToken, seenPublished).ConfigureAwait(false);
        if (update is { Status: SaveStatus.Committed, CommitSha: not null })
        {
            await BranchMovedAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return update;
    }

    public Task<Refusal?> CloseAsync(int id, ReviewerIdentity actor, CancellationToken cancellationToken) =>
        UpdateAsync(id, request =>
        {
            if (request.AuthorId != actor.UserId && !actor.Roles.Any(r => r is KbRoles.Reviewer or KbRoles.Admin))
            {
                return Refusal.Forbidden("Only its author, reviewers and admins can close a change request.");
            }

            request.State = ChangeRequestStates.Closed;
            return null;
        }, cancellationToken);

    /// <summary>Approvals given on the current head, one per reviewer (their latest verdict counts).</summary>
    public static IReadOnlyList<ChangeRequestReview> CurrentApprovals(ChangeRequest request, string head)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Reviews
            .GroupBy(r => r.ReviewerId)
            .Select(g => g.OrderBy(r => r.At).ThenBy(r => r.Id).Last())
            .Where(r => r.Verdict == ChangeRequestReview.Approve && r.HeadCommit == head)
            .ToList();
    }

    private static string MergeMessage(ChangeRequest request, IReadOnlyList<ChangeRequestReview> approvals, IReadOnlyList<CommitSummary> commits)
    {
        // Everyone whose commits the merge brings in is credited, whoever merges (and a squash keeps no other record).
        var authors = commits
            .Select(c => $"{Trailers.CoAuthoredBy}: {c.AuthorName} <{c.AuthorEmail}>")
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var reviewers = request.Reviews
            .Where(r => !approvals.Any(a => a.ReviewerId == r.ReviewerId))
            .Select(r => $"Reviewed-by: {r.ReviewerName} <{r.ReviewerEmail}>")
            .Distinct(StringComparer.Ordinal);
        var approvers = approvals.Select(a => $"Approved-by: {a.ReviewerName} <{a.ReviewerEmail}>").Distinct(StringComparer.Ordinal);
        return $"{request.Title} (change request #{request.Id})\n\nMerge {request.Branch}, written by {request.AuthorName} <{request.AuthorEmail}>.\n\n" +
               string.Join('\n', reviewers.Concat(approvers).Concat(authors)) + "\n";
    }
}
