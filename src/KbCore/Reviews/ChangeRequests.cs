using KbCore.Accounts;
using KbCore.Content;
using KbCore.Outcomes;
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
public sealed partial class ChangeRequests(IDbContextFactory<KbDbContext> contexts, ContentWriter writer, ContentRepository repository, IOptions<ContentOptions> options, TimeProvider clock)
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

    public async Task<Outcome<ChangeRequest>> CreateAsync(string title, ReviewerIdentity author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(author);
        title = (title ?? string.Empty).Trim();
        if (title.Length == 0 || title.Length > ChangeRequest.MaxTitleLength || title.Any(char.IsControl))
        {
            return Refusal.Invalid("title", $"Give the change request a title of 1 to {ChangeRequest.MaxTitleLength} characters.");
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

        // Server-generated branch names: the id makes them unique, the slug makes them readable. Someone may have
        // pushed a branch of that name over git already; then a random suffix makes a name nobody has used.
        var slug = ArticlePaths.Slugify(title);
        var name = $"{BranchPrefix}{request.Id}-{(slug.Length == 0 ? "change" : slug[..Math.Min(slug.Length, 50)].TrimEnd('-'))}";
        foreach (var candidate in new[] { name, $"{name}-{Guid.NewGuid().ToString("N")[..8]}" })
        {
            if (await writer.CreateBranchAsync(candidate, cancellationToken).ConfigureAwait(false) is { } baseCommit)
            {
                (request.Branch, request.BaseCommit) = (candidate, baseCommit);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return request;
            }
        }

        // No branch, so no change request: the row would be a draft nobody can edit.
        db.ChangeRequests.Remove(request);
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        return Refusal.Conflict("The change request's branch could not be created; try again.");
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

    /// <summary>A remark on a line of a changed article. Null when recorded; otherwise why not.</summary>
    public async Task<Refusal?> CommentAsync(int id, string path, int line, string body, ReviewerIdentity author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(author);
        body = (body ?? string.Empty).Trim();
        if (body.Length == 0 || body.Length > ReviewComment.MaxBodyLength)
        {
            return Refusal.Invalid("body", $"Write a comment of 1 to {ReviewComment.MaxBodyLength} characters.");
        }

        if (ArticlePaths.ValidateExisting(path) is not null || line < 1 || line > 100_000)
        {
            return Refusal.Invalid("line", "Comments belong to a line of an article in this change request.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var state = await db.ChangeRequests.Where(c => c.Id == id).Select(c => c.State).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (NotOpen(id, state) is { } notOpen)
        {
            return notOpen;
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

    /// <summary>Null when <paramref name="state"/> (null: no such request) is open; otherwise the refusal, with the same words either way.</summary>
    private static Refusal? NotOpen(int id, string? state) => state switch
    {
        null => Refusal.NotFound($"Change request #{id} is not open."),
        _ when !ChangeRequestStates.IsOpen(state) => Refusal.Conflict($"Change request #{id} is not open."),
        _ => null,
    };

    private async Task<Refusal?> UpdateAsync(int id, Func<ChangeRequest, Refusal?> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var request = await db.ChangeRequests.Include(c => c.Reviews).FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false);
        if (request is null || NotOpen(id, request.State) is not null)
        {
            return NotOpen(id, request?.State);
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
