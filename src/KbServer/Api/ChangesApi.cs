using System.ComponentModel;
using KbCore.Accounts;
using KbCore.Outcomes;
using KbCore.Reviews;
using KbServer.Api.Docs;
using KbServer.Auth;

namespace KbServer.Api;

/// <summary><c>/api/v1/changes</c>: change requests for integrations and scripts.</summary>
internal static class ChangesApi
{
    private const string HeadDescription = "The branch's head commit you reviewed: the verdict is refused (412) if the branch moved since.";

    public static IEndpointRouteBuilder MapChangesApi(this IEndpointRouteBuilder app)
    {
        var changes = app.MapGroup("/changes").RequireBrowserAntiforgery().WithTags("Change requests");
        changes.MapGet(string.Empty, ListAsync).RequireAuthorization(KbPolicies.Scope(TokenScopes.ChangesRead))
            .WithSummary("List change requests")
            .WithDescription("Every change request, open and closed, newest first. States: `draft`, `in_review`, `changes_requested`, `approved`, `merged`, `closed`.")
            .WithResponseExample(StatusCodes.Status200OK, "The change requests", ResponseExamples.ChangeList);
        changes.MapPost(string.Empty, CreateAsync).RequireAuthorization(KbPolicies.Scope(TokenScopes.ChangesWrite))
            .Accepts<ChangeCreateRequest>("application/json")
            .WithSummary("Open a change request")
            .WithDescription("A draft on its own branch (`cr/{id}-{title}`), authored by the caller. Save articles into it with `PUT /api/v1/articles/{path}?change={id}`, then submit it for review.")
            .WithResponseExample(StatusCodes.Status201Created, "The new draft", ResponseExamples.Change)
            .ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        changes.MapGet("/{id:int}", GetAsync).RequireAuthorization(KbPolicies.Scope(TokenScopes.ChangesRead))
            .WithSummary("Read a change request")
            .WithDescription("Its state, approvals, every review with the commit it was given on, and the files it changes.")
            .WithResponseExample(StatusCodes.Status200OK, "The change request", ResponseExamples.ChangeDetail)
            .ProducesProblems(StatusCodes.Status404NotFound);
        changes.MapPost("/{id:int}/approve", ApproveAsync).RequireAuthorization(KbPolicies.Scope(TokenScopes.ChangesApprove))
            .WithSummary("Approve a change request")
            .WithDescription("Records the caller's approval of the branch as it is now; the merge commit carries it as an `Approved-by:` trailer. Only reviewers and admins review (403 for other roles); where the review policy forbids approving your own change it answers 409, and 412 if the branch moved past `head`.")
            .WithResponseExample(StatusCodes.Status200OK, "The change request after the review", ResponseExamples.ChangeDetail)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
        changes.MapPost("/{id:int}/request-changes", RequestChangesAsync).RequireAuthorization(KbPolicies.Scope(TokenScopes.ChangesApprove))
            .WithSummary("Request changes to a change request")
            .WithDescription("Records the caller's verdict that the branch needs more work; a later approval by the same reviewer replaces it.")
            .WithResponseExample(StatusCodes.Status200OK, "The change request after the review", ResponseExamples.ChangeDetail)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);
        changes.MapPost("/{id:int}/submit", SubmitAsync).RequireAuthorization(KbPolicies.Scope(TokenScopes.ChangesWrite))
            .WithSummary("Submit a draft for review")
            .WithDescription("Moves a draft (or one with changes requested) to `in_review`, where reviewers see it in their queue.")
            .WithResponseExample(StatusCodes.Status200OK, "The change request, now in review", ResponseExamples.ChangeDetail)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        changes.MapPost("/{id:int}/merge", MergeAsync).RequireAuthorization(KbPolicies.Scope(TokenScopes.ChangesWrite))
            .WithSummary("Merge an approved change request")
            .WithDescription("Publishes the branch: one merge commit onto the published branch with `Reviewed-by:` / `Approved-by:` trailers. Refused (409) while the review policy's approvals are missing or the branch conflicts.")
            .WithResponseExample(StatusCodes.Status200OK, "The merge commit", ResponseExamples.Merged)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        changes.MapPost("/{id:int}/revert", RevertAsync).RequireAuthorization(KbPolicies.Scope(TokenScopes.ChangesWrite))
            .WithSummary("Revert a merged change request")
            .WithDescription("Opens a new change request whose branch undoes the merge; it is reviewed like any other.")
            .WithResponseExample(StatusCodes.Status201Created, "The reverting change request", ResponseExamples.Change)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> ListAsync(ChangeRequests changes, CancellationToken cancellationToken) =>
        Results.Json((await changes.ListAsync(openOnly: false, cancellationToken).ConfigureAwait(false)).Select(Summary));

    private static async Task<IResult> CreateAsync(HttpContext context, ChangeRequests changes)
    {
        var (body, problem) = await JsonBody.ReadAsync<ChangeCreateRequest>(context, "{\"title\"}").ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var created = await changes.CreateAsync(body?.Title ?? string.Empty, CurrentAuthor.Reviewer(context.User), context.RequestAborted).ConfigureAwait(false);
        return created.Succeeded
            ? Results.Json(Summary(created.Value), statusCode: StatusCodes.Status201Created)
            : ApiProblems.From(created.Refusal);
    }

    private static async Task<IResult> GetAsync(int id, ChangeRequests changes, CancellationToken cancellationToken)
    {
        if (await changes.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } request)
        {
            return NotFound(id);
        }

        // The summary the list gives, plus what only one request's page needs.
        var detail = Summary(request);
        detail["reviews"] = request.Reviews.OrderBy(r => r.At).Select(r => new { reviewer = r.ReviewerName, verdict = r.Verdict, commit = r.HeadCommit, at = r.At });
        detail["changes"] = changes.Changes(request).Select(c => new { path = c.Path, status = c.Status, oldPath = c.OldPath });
        detail["mergeCommit"] = request.MergeCommit;
        return Results.Json(detail);
    }

    private static Task<IResult> ApproveAsync(int id, [Description(HeadDescription)] string? head, HttpContext context, ChangeRequests changes) =>
        ReviewAsync(id, ChangeRequestReview.Approve, head, context, changes);

    private static Task<IResult> RequestChangesAsync(int id, [Description(HeadDescription)] string? head, HttpContext context, ChangeRequests changes) =>
        ReviewAsync(id, ChangeRequestReview.RequestChanges, head, context, changes);

    private static async Task<IResult> ReviewAsync(int id, string verdict, string? head, HttpContext context, ChangeRequests changes)
    {
        if (await changes.FindAsync(id, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return NotFound(id);
        }

        var refusal = await changes.ReviewAsync(id, CurrentAuthor.Reviewer(context.User), verdict, context.RequestAborted, string.IsNullOrEmpty(head) ? null : head).ConfigureAwait(false);
        return refusal is null ? await GetAsync(id, changes, context.RequestAborted).ConfigureAwait(false) : ApiProblems.From(refusal);
    }

    private static async Task<IResult> SubmitAsync(int id, HttpContext context, ChangeRequests changes)
    {
        var refusal = await changes.SubmitAsync(id, CurrentAuthor.Reviewer(context.User), context.RequestAborted).ConfigureAwait(false);
        return refusal is null ? await GetAsync(id, changes, context.RequestAborted).ConfigureAwait(false) : ApiProblems.From(refusal);
    }

    private static async Task<IResult> MergeAsync(int id, HttpContext context, ChangeRequests changes)
    {
        if (await changes.FindAsync(id, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return NotFound(id);
        }

        var merged = await changes.MergeAsync(id, CurrentAuthor.Reviewer(context.User), context.RequestAborted).ConfigureAwait(false);
        return merged.Succeeded ? Results.Json(new { id, mergeCommit = merged.Value }) : ApiProblems.From(merged.Refusal);
    }

    private static async Task<IResult> RevertAsync(int id, HttpContext context, ChangeRequests changes)
    {
        var revert = await changes.RevertAsync(id, CurrentAuthor.Reviewer(context.User), context.RequestAborted).ConfigureAwait(false);
        return revert.Succeeded ? Results.Json(Summary(revert.Value), statusCode: StatusCodes.Status201Created) : ApiProblems.From(revert.Refusal);
    }

    private static Dictionary<string, object?> Summary(ChangeRequest request) => new()
    {
        ["id"] = request.Id,
        ["title"] = request.Title,
        ["branch"] = request.Branch,
        ["state"] = request.State,
        ["author"] = new { name = request.AuthorName, email = request.AuthorEmail },
        ["approvals"] = Approvals(request),
    };

    private static object Approvals(ChangeRequest request) =>
        request.Reviews.Where(r => r.Verdict == ChangeRequestReview.Approve).OrderBy(r => r.At)
            .Select(r => new { name = r.ReviewerName, email = r.ReviewerEmail, commit = r.HeadCommit, at = r.At });

    private static IResult NotFound(int id) => Results.Problem(statusCode: 404, title: "No such change request", detail: $"There is no change request #{id}.");
}
