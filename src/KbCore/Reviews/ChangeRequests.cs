using KbCore.Accounts;
using KbCore.Content;
using KbCore.Data;
using LibGit2Sharp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KbCore.Reviews;

/// <summary>
/// Change requests: a branch per request, saves into it through the single writer, reviews at a branch head, and a
/// merge onto the published branch whose message names every approver (<c>Approved-by:</c>) so the record of who
/// approved what is in git itself.
/// </summary>
public sealed class ChangeRequests(IDbContextFactory<KbDbContext> contexts, ContentWriter writer, ContentRepository repository, IOptions<ContentOptions> options, TimeProvider clock)
{
    public const string BranchPrefix = "cr/";

    /// <summary>The policy on the published branch now.</summary>
    public ReviewPolicy Policy()
    {
        using var repo = repository.Open();
        var entry = repo.Branches[options.Value.Branch]?.Tip?[ReviewPolicy.FilePath];
        return entry is null
            ? ReviewPolicy.Default
            : entry.Target is Blob { Size: <= 64 * 1024 } blob ? ReviewPolicy.Parse(blob.GetContentText()) : ReviewPolicy.Strict;
    }

    public async Task<(ChangeRequest? Request, string? Error)> CreateAsync(string title, ReviewerIdentity author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(author);
        title = (title ?? string.Empty).Trim();
        if (title.Length == 0 || title.Length > ChangeRequest.MaxTitleLength || title.Any(char.IsControl))
        {
            return (null, $"Give the change request a title of 1 to {ChangeRequest.MaxTitleLength} characters.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var request = new ChangeRequest
        {
            Title = title,
            Branch = "pending/" + Guid.NewGuid().ToString("N"),
            State = ChangeRequestStates.Draft,
            AuthorId = author.UserId,
            AuthorName = author.Name,
            AuthorEmail = author.Email,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.ChangeRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // Server-generated branch names: the id makes them unique, the slug makes them readable.
        var slug = ArticlePaths.Slugify(title);
        request.Branch = $"{BranchPrefix}{request.Id}-{(slug.Length == 0 ? "change" : slug[..Math.Min(slug.Length, 50)].TrimEnd('-'))}";
        request.BaseCommit = await writer.CreateBranchAsync(request.Branch, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Branch {request.Branch} already exists.");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return (request, null);
    }

    /// <summary>
    /// A branch pushed over git: opens a change request named after it (in review, by the pusher), or, when one is
    /// open for that branch, marks it changed so earlier approvals no longer count.
    /// </summary>
    public async Task<ChangeRequest> PushedAsync(string branch, ReviewerIdentity pusher, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pusher);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var existing = await db.ChangeRequests.FirstOrDefaultAsync(c => c.Branch == branch && c.State != ChangeRequestStates.Merged && c.State != ChangeRequestStates.Closed, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            await BranchMovedAsync(existing.Id, cancellationToken).ConfigureAwait(false);
            return existing;
        }

        string baseCommit;
        using (var repo = repository.Open())
        {
            var head = repo.Branches[branch]?.Tip;
            var main = repo.Branches[options.Value.Branch]?.Tip;
            baseCommit = (head is null || main is null ? null : repo.ObjectDatabase.FindMergeBase(main, head))?.Sha ?? main?.Sha ?? string.Empty;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var request = new ChangeRequest
        {
            Title = branch.Length > ChangeRequest.MaxTitleLength ? branch[..ChangeRequest.MaxTitleLength] : branch,
            Branch = branch,
            State = ChangeRequestStates.InReview,
            AuthorId = pusher.UserId,
            AuthorName = pusher.Name,
            AuthorEmail = pusher.Email,
            BaseCommit = baseCommit,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.ChangeRequests.Add(request);

        // A merged or closed request may have used this branch before: its row keeps the name unique, so rename it.
        foreach (var old in await db.ChangeRequests.Where(c => c.Branch == branch).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            old.Branch = $"{branch}@{old.Id}";
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return request;
    }

    public async Task<ChangeRequest?> FindAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ChangeRequests.AsNoTracking().Include(c => c.Reviews).FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ChangeRequest>> ListAsync(bool openOnly, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.ChangeRequests.AsNoTracking().Include(c => c.Reviews).AsQueryable();
        if (openOnly)
        {
            query = query.Where(c => c.State != ChangeRequestStates.Merged && c.State != ChangeRequestStates.Closed);
        }

        return await query.OrderByDescending(c => c.Id).Take(500).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Saves an article into the change request's branch; a save after reviews puts it back in review.</summary>
    /// <remarks>Only its author (and admins) write into a change request: a reviewer who wrote into it could then approve their own words.</remarks>
    public async Task<SaveResult> SaveAsync(int id, string path, string content, string? baseRevision, ReviewerIdentity author, string? message, CancellationToken cancellationToken, IReadOnlyList<ArticleAttachment>? attachments = null)
    {
        ArgumentNullException.ThrowIfNull(author);
        var request = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (request is null || !ChangeRequestStates.IsOpen(request.State))
        {
            return SaveResult.Reject("change", $"Change request #{id} is not open.");
        }

        if (!MayWrite(request, author))
        {
            return SaveResult.Reject("change", $"Only {request.AuthorName} (its author) and admins can change change request #{id}; start your own to propose more.");
        }

        var result = await writer.SaveAsync(path, content, baseRevision, author.Commit, message, cancellationToken, attachments, request.Branch).ConfigureAwait(false);
        if (result is { Status: SaveStatus.Committed, Unchanged: false })
        {
            await BranchMovedAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Who may put commits on a request's branch: its author and admins.</summary>
    public static bool MayWrite(ChangeRequest request, ReviewerIdentity actor)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        return request.AuthorId == actor.UserId || actor.Roles.Contains(KbRoles.Admin);
    }

    /// <summary>
    /// The merge commits this server made for change requests: only their <c>Approved-by:</c> trailers are approvals.
    /// Anyone can type such a line into a commit message.
    /// </summary>
    public async Task<IReadOnlySet<string>> MergeCommitsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return (await db.ChangeRequests.AsNoTracking().Where(c => c.MergeCommit != null).Select(c => c.MergeCommit!).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToHashSet(StringComparer.Ordinal);
    }

    public async Task<ChangeRequest?> FindOpenByBranchAsync(string branch, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ChangeRequests.AsNoTracking().FirstOrDefaultAsync(c => c.Branch == branch && c.State != ChangeRequestStates.Merged && c.State != ChangeRequestStates.Closed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>New commits on the branch (a save or a push): approvals were for older text, so it is in review again.</summary>
    public async Task BranchMovedAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await db.ChangeRequests.FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false) is { } request)
        {
            if (request.State is ChangeRequestStates.Approved or ChangeRequestStates.ChangesRequested)
            {
                request.State = ChangeRequestStates.InReview;
            }

            request.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The author asks for review.</summary>
    public Task<string?> SubmitAsync(int id, ReviewerIdentity actor, CancellationToken cancellationToken) =>
        UpdateAsync(id, request =>
        {
            if (request.AuthorId != actor.UserId && !actor.Roles.Contains(KbRoles.Admin))
            {
                return "Only its author can submit a change request for review.";
            }

            if (request.State != ChangeRequestStates.Draft)
            {
                return "This change request is already in review.";
            }

            request.State = ChangeRequestStates.InReview;
            return null;
        }, cancellationToken);

    /// <summary>Approve or request changes at the branch's current head. Null when recorded; otherwise why not.</summary>
    /// <param name="expectedHead">The head the reviewer looked at, when known: a verdict never covers commits they did not see.</param>
    public async Task<string?> ReviewAsync(int id, ReviewerIdentity reviewer, string verdict, CancellationToken cancellationToken, string? expectedHead = null)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        if (!reviewer.Roles.Any(r => r is KbRoles.Reviewer or KbRoles.Admin))
        {
            return "Only reviewers and admins review change requests.";
        }

        if (verdict is not (ChangeRequestReview.Approve or ChangeRequestReview.RequestChanges))
        {
            return "A review approves or requests changes.";
        }

        var policy = Policy();
        return await UpdateAsync(id, request =>
        {
            if (request.State is ChangeRequestStates.Draft)
            {
                return "The author has not submitted this change request for review yet.";
            }

            if (verdict == ChangeRequestReview.Approve && !policy.AuthorsMayApproveOwn &&
                (request.AuthorId == reviewer.UserId || Commits(request).Any(c => string.Equals(c.AuthorEmail, reviewer.Email, StringComparison.OrdinalIgnoreCase))))
            {
                return "You cannot approve a change request you wrote in under this repository's policy.";
            }

            var head = Head(request.Branch) ?? string.Empty;
            if (expectedHead is not null && expectedHead != head)
            {
                return "The change request changed while you were reviewing it; look at the latest changes and review again.";
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
    public async Task<(string? CommitSha, string? Error)> MergeAsync(int id, ReviewerIdentity merger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merger);
        var request = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (request is null || !ChangeRequestStates.IsOpen(request.State))
        {
            return (null, $"Change request #{id} is not open.");
        }

        if (request.AuthorId != merger.UserId && !merger.Roles.Any(r => r is KbRoles.Reviewer or KbRoles.Admin))
        {
            return (null, "Only the author, reviewers and admins can merge a change request.");
        }

        var policy = Policy();
        var head = Head(request.Branch);
        var approvals = CurrentApprovals(request, head ?? string.Empty);
        if (head is null || request.State != ChangeRequestStates.Approved || approvals.Count < Math.Max(1, policy.MinApprovals))
        {
            return (null, $"It needs {Math.Max(1, policy.MinApprovals)} approval(s) of its latest changes before it can be merged.");
        }

        var result = await writer.MergeAsync(request.Branch, head, MergeMessage(request, approvals), merger.Commit, policy.Squash, cancellationToken).ConfigureAwait(false);
        if (result.Status != SaveStatus.Committed)
        {
            return (null, result.Status == SaveStatus.Conflict
                ? $"It does not merge cleanly with the published branch ({result.Error}). Update it from the published branch and resolve the conflicts first."
                : result.Error ?? "It could not be merged.");
        }

        await UpdateAsync(id, r =>
        {
            r.State = ChangeRequestStates.Merged;
            r.MergeCommit = result.CommitSha;
            return null;
        }, cancellationToken).ConfigureAwait(false);
        return (result.CommitSha, null);
    }

    /// <summary>Opens a new change request that undoes a merged one, for review like any other change.</summary>
    public async Task<(ChangeRequest? Request, string? Error)> RevertAsync(int id, ReviewerIdentity actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var merged = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (merged?.MergeCommit is not { } mergeCommit || merged.State != ChangeRequestStates.Merged)
        {
            return (null, $"Change request #{id} is not merged, so there is nothing to revert.");
        }

        var title = $"Revert \"{merged.Title}\"";
        var (revert, error) = await CreateAsync(title.Length > ChangeRequest.MaxTitleLength ? title[..ChangeRequest.MaxTitleLength] : title, actor, cancellationToken).ConfigureAwait(false);
        if (revert is null)
        {
            return (null, error);
        }

        var result = await writer.RevertMergeAsync(revert.Branch, mergeCommit, actor.Commit, $"{title}\n\nThis undoes change request #{id} ({mergeCommit}).", cancellationToken).ConfigureAwait(false);
        if (result.Status == SaveStatus.Committed)
        {
            return (revert, null);
        }

        // Nothing useful to review: close the empty request rather than leave it behind.
        await UpdateAsync(revert.Id, r =>
        {
            r.State = ChangeRequestStates.Closed;
            return null;
        }, cancellationToken).ConfigureAwait(false);
        return (null, result.Status == SaveStatus.Conflict
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

    public Task<string?> CloseAsync(int id, ReviewerIdentity actor, CancellationToken cancellationToken) =>
        UpdateAsync(id, request =>
        {
            if (request.AuthorId != actor.UserId && !actor.Roles.Any(r => r is KbRoles.Reviewer or KbRoles.Admin))
            {
                return "Only its author, reviewers and admins can close a change request.";
            }

            request.State = ChangeRequestStates.Closed;
            return null;
        }, cancellationToken);

    /// <summary>A remark on a line of a changed article. Null when recorded; otherwise why not.</summary>
    public async Task<string?> CommentAsync(int id, string path, int line, string body, ReviewerIdentity author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(author);
        body = (body ?? string.Empty).Trim();
        if (body.Length == 0 || body.Length > ReviewComment.MaxBodyLength)
        {
            return $"Write a comment of 1 to {ReviewComment.MaxBodyLength} characters.";
        }

        if (ArticlePaths.Validate(path) is not null || line < 1 || line > 100_000)
        {
            return "Comments belong to a line of an article in this change request.";
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.ChangeRequests.AnyAsync(c => c.Id == id && c.State != ChangeRequestStates.Merged && c.State != ChangeRequestStates.Closed, cancellationToken).ConfigureAwait(false))
        {
            return $"Change request #{id} is not open.";
        }

        db.ReviewComments.Add(new ReviewComment
        {
            ChangeRequestId = id,
            Path = path,
            Line = line,
            AuthorId = author.UserId,
            AuthorName = author.Name,
            Body = body,
            At = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return null;
    }

    public async Task<IReadOnlyList<ReviewComment>> CommentsAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ReviewComments.AsNoTracking().Where(c => c.ChangeRequestId == id).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An article's text where the branch left the published branch, and on the branch now (null where it does not exist).</summary>
    public (string? Before, string? After) Texts(ChangeRequest request, string filePath)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var repo = repository.Open();
        var head = repo.Branches[request.Branch]?.Tip;
        var main = repo.Branches[options.Value.Branch]?.Tip;
        var mergeBase = head is null || main is null ? null : repo.ObjectDatabase.FindMergeBase(main, head);
        static string? Text(Commit? commit, string file) => commit?[file]?.Target is Blob { Size: <= 2 * ContentWriter.MaxContentBytes } blob ? blob.GetContentText() : null;
        return (Text(mergeBase, filePath), Text(head, filePath));
    }

    /// <summary>The published branch's content as it would be with this change request merged: for previews.</summary>
    public ContentSnapshot? Snapshot(ChangeRequest request, ContentSnapshot published)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var repo = repository.Open();
        var head = repo.Branches[request.Branch]?.Tip;
        return head is null ? null : ContentSnapshotBuilder.Build(head, string.Equals(options.Value.DefaultVisibility, "internal", StringComparison.OrdinalIgnoreCase) ? Articles.Visibility.Internal : Articles.Visibility.Public, published);
    }

    /// <summary>What the branch changes since it left the published branch (the merge base), for lists and the API.</summary>
    public IReadOnlyList<ChangedFile> Changes(ChangeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var repo = repository.Open();
        var head = repo.Branches[request.Branch]?.Tip;
        var main = repo.Branches[options.Value.Branch]?.Tip;
        if (head is null || main is null)
        {
            return [];
        }

        var mergeBase = repo.ObjectDatabase.FindMergeBase(main, head) ?? repo.Lookup<Commit>(request.BaseCommit);
        return repo.Diff.Compare<TreeChanges>(mergeBase?.Tree, head.Tree)
            .Select(c => new ChangedFile(c.Path, c.Status.ToString().ToLowerInvariant(), c.Status == ChangeKind.Renamed ? c.OldPath : null))
            .ToList();
    }

    /// <summary>The branch's own commits (not on the published branch), newest first.</summary>
    public IReadOnlyList<CommitSummary> Commits(ChangeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var repo = repository.Open();
        var head = repo.Branches[request.Branch]?.Tip;
        if (head is null)
        {
            return [];
        }

        var filter = new CommitFilter { IncludeReachableFrom = head, SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time };
        if (repo.Branches[options.Value.Branch]?.Tip is { } main && request.State != ChangeRequestStates.Merged)
        {
            filter.ExcludeReachableFrom = main;
        }
        else if (repo.Lookup<Commit>(request.BaseCommit) is { } start)
        {
            filter.ExcludeReachableFrom = start;
        }

        return repo.Commits.QueryBy(filter).Take(200)
            .Select(c => new CommitSummary(c.Sha, c.Author.Name, c.Author.Email, c.Author.When, c.MessageShort, []))
            .ToList();
    }

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

    private static string MergeMessage(ChangeRequest request, IReadOnlyList<ChangeRequestReview> approvals)
    {
        var reviewers = request.Reviews
            .Where(r => !approvals.Any(a => a.ReviewerId == r.ReviewerId))
            .Select(r => $"Reviewed-by: {r.ReviewerName} <{r.ReviewerEmail}>")
            .Distinct(StringComparer.Ordinal);
        var approvers = approvals.Select(a => $"Approved-by: {a.ReviewerName} <{a.ReviewerEmail}>").Distinct(StringComparer.Ordinal);
        return $"{request.Title} (change request #{request.Id})\n\nMerge {request.Branch}, written by {request.AuthorName} <{request.AuthorEmail}>.\n\n" +
               string.Join('\n', reviewers.Concat(approvers)) + "\n";
    }

    private string? Head(string branch)
    {
        using var repo = repository.Open();
        return repo.Branches[branch]?.Tip?.Sha;
    }

    private async Task<string?> UpdateAsync(int id, Func<ChangeRequest, string?> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var request = await db.ChangeRequests.Include(c => c.Reviews).FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false);
        if (request is null || !ChangeRequestStates.IsOpen(request.State))
        {
            return $"Change request #{id} is not open.";
        }

        if (change(request) is { } error)
        {
            return error;
        }

        request.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return null;
    }
}
