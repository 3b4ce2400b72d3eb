using KbCore.Accounts;
using KbCore.Reviews;
using KbServer.Auth;

namespace KbServer.Api;

/// <summary><c>/api/v1/changes</c>: change requests for integrations and scripts.</summary>
internal static class ChangesApi
{
    public static IEndpointRouteBuilder MapChangesApi(this IEndpointRouteBuilder app)
    {
        var changes = app.MapGroup("/api/v1/changes").AddEndpointFilter<BrowserAntiforgeryFilter>();
        changes.MapGet(string.Empty, ListAsync).RequireAuthorization(KbPolicies.Scope(TokenScopes.ChangesRead));
        changes.MapPost(string.Empty, CreateAsync).RequireAuthorization(KbPolicies.Scope(TokenScopes.ChangesWrite));
        changes.MapGet("/{id:int}", GetAsync).RequireAuthorization(KbPolicies.Scope(TokenScopes.ChangesRead));
        changes.MapPost("/{id:int}/approve", ApproveAsync).RequireAuthorization(KbPolicies.Scope(TokenScopes.ChangesApprove));
        changes.MapPost("/{id:int}/request-changes", RequestChangesAsync).RequireAuthorization(KbPolicies.Scope(TokenScopes.ChangesApprove));
        changes.MapPost("/{id:int}/submit", SubmitAsync).RequireAuthorization(KbPolicies.Scope(TokenScopes.ChangesWrite));
        changes.MapPost("/{id:int}/merge", MergeAsync).RequireAuthorization(KbPolicies.Scope(TokenScopes.ChangesWrite));
        changes.MapPost("/{id:int}/revert", RevertAsync).RequireAuthorization(KbPolicies.Scope(TokenScopes.ChangesWrite));
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

        var (request, error) = await changes.CreateAsync(body?.Title ?? string.Empty, CurrentAuthor.Reviewer(context.User), context.RequestAborted).ConfigureAwait(false);
        return request is null
            ? Results.ValidationProblem(new Dictionary<string, string[]> { ["title"] = [error!] }, statusCode: 422)
            : Results.Json(Summary(request), statusCode: StatusCodes.Status201Created);
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

    private static Task<IResult> ApproveAsync(int id, HttpContext context, ChangeRequests changes) =>
        ReviewAsync(id, ChangeRequestReview.Approve, context, changes);

    private static Task<IResult> RequestChangesAsync(int id, HttpContext context, ChangeRequests changes) =>
        ReviewAsync(id, ChangeRequestReview.RequestChanges, context, changes);

    private static async Task<IResult> ReviewAsync(int id, string verdict, HttpContext context, ChangeRequests changes)
    {
        if (await changes.FindAsync(id, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return NotFound(id);
        }

        // ?head=<sha>: the verdict only counts if the branch is still what the caller reviewed.
        var head = context.Request.Query["head"].ToString();
        var error = await changes.ReviewAsync(id, CurrentAuthor.Reviewer(context.User), verdict, context.RequestAborted, head.Length > 0 ? head : null).ConfigureAwait(false);
        return error is null ? await GetAsync(id, changes, context.RequestAborted).ConfigureAwait(false) : Refused(error);
    }

    private static async Task<IResult> SubmitAsync(int id, HttpContext context, ChangeRequests changes)
    {
        var error = await changes.SubmitAsync(id, CurrentAuthor.Reviewer(context.User), context.RequestAborted).ConfigureAwait(false);
        return error is null ? await GetAsync(id, changes, context.RequestAborted).ConfigureAwait(false) : Refused(error);
    }

    private static async Task<IResult> MergeAsync(int id, HttpContext context, ChangeRequests changes)
    {
        if (await changes.FindAsync(id, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return NotFound(id);
        }

        var (commit, error) = await changes.MergeAsync(id, CurrentAuthor.Reviewer(context.User), context.RequestAborted).ConfigureAwait(false);
        return commit is null ? Refused(error!) : Results.Json(new { id, mergeCommit = commit });
    }

    private static async Task<IResult> RevertAsync(int id, HttpContext context, ChangeRequests changes)
    {
        var (revert, error) = await changes.RevertAsync(id, CurrentAuthor.Reviewer(context.User), context.RequestAborted).ConfigureAwait(false);
        return revert is null ? Refused(error!) : Results.Json(Summary(revert), statusCode: StatusCodes.Status201Created);
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

    private static IResult Refused(string error) => Results.Problem(statusCode: 409, title: "Not possible now", detail: error);
}
