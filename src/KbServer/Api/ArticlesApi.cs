using System.ComponentModel;
using KbCore.Accounts;
using KbCore.Content;
using KbCore.Rendering;
using KbServer.Api.Docs;
using KbServer.Auth;

namespace KbServer.Api;

/// <summary>
/// <c>/api/v1/articles</c>: read and write articles as files (front matter + markdown) with optimistic concurrency
/// on the blob revision. Writes go through the single writer and are authored by the caller.
/// </summary>
internal static class ArticlesApi
{
    public static IEndpointRouteBuilder MapArticlesApi(this IEndpointRouteBuilder app)
    {
        var articles = app.MapGroup("/articles").WithTags("Articles");
        articles.MapGet(string.Empty, List).RequireAuthorization(KbPolicies.Scope(TokenScopes.ArticlesRead))
            .WithSummary("List articles")
            .WithDescription("Every article on the published branch, public and internal, with its revision (blob SHA) for a later save.")
            .WithResponseExample(StatusCodes.Status200OK, "The published commit and its articles, by path", ResponseExamples.ArticleList);
        articles.MapGet("/{**path}", Get).RequireAuthorization(KbPolicies.Scope(TokenScopes.ArticlesRead))
            .WithSummary("Read an article's file")
            .WithDescription("The whole file (front matter and markdown) as stored in git, and its `revision`: send that as `baseRevision` when you save.")
            .WithResponseExample(StatusCodes.Status200OK, "The article", ResponseExamples.Article)
            .ProducesProblems(StatusCodes.Status404NotFound);
        articles.MapPut("/{**path}", PutAsync).RequireAuthorization(KbPolicies.Scope(TokenScopes.ArticlesWrite)).RequireBrowserAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ContentWriter.MaxContentBytes * 2))
            .Accepts<ArticleSaveRequest>("application/json")
            .WithSummary("Create or update an article")
            .WithDescription("One commit authored by the token's owner. Without `baseRevision` it creates the article; with it, edits made since are merged when they touch other lines, and overlapping ones answer 409 with both versions. `?change={id}` saves into that change request's branch instead of publishing; where the review policy requires review, publishing directly answers 403.")
            .WithResponseExample(StatusCodes.Status200OK, "Saved (or `unchanged`); `merged` when others' edits were merged in", ResponseExamples.ArticleSaved)
            .WithResponseExample(StatusCodes.Status201Created, "Created", ResponseExamples.ArticleSaved)
            .ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status503ServiceUnavailable);
        articles.MapDelete("/{**path}", DeleteAsync).RequireAuthorization(KbPolicies.Scope(TokenScopes.ArticlesWrite)).RequireBrowserAntiforgery()
            .WithSummary("Delete an article")
            .WithDescription("One commit removing the file. Pass `baseRevision` to refuse (409) if it changed since you read it; `message` for the commit message.")
            .WithEmptyResponse(StatusCodes.Status204NoContent, "Deleted")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static IResult List([Description("Only paths that start with this, e.g. `invoicing/`.")] string? prefix, ContentStore store)
    {
        var snapshot = store.Current;
        var list = snapshot.Articles.Values
            .Where(a => string.IsNullOrEmpty(prefix) || a.Path.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(a => a.Path, StringComparer.Ordinal)
            .Select(a => new { path = a.Path, title = a.Title, visibility = a.IsPublic ? "public" : "internal", revision = a.BlobSha, url = HelpCenterUrls.ForPath(a.Path) });
        return Results.Json(new { commit = snapshot.CommitSha, articles = list });
    }

    private static IResult Get(string path, ContentStore store, ContentRepository repository)
    {
        var snapshot = store.Current;
        if (!snapshot.Articles.TryGetValue(path, out var article) || repository.ReadBlob(article.BlobSha, ContentWriter.MaxContentBytes * 2) is not { } bytes)
        {
            return NotFound(path);
        }

        return Results.Json(new
        {
            path = article.Path,
            content = System.Text.Encoding.UTF8.GetString(bytes),
            revision = article.BlobSha,
            commit = snapshot.CommitSha,
            title = article.Title,
            visibility = article.IsPublic ? "public" : "internal",
            url = HelpCenterUrls.ForPath(article.Path),
        });
    }

    private static async Task<IResult> PutAsync(
        string path,
        [Description("A change request's id: save into its branch instead of the published one.")] string? change,
        HttpContext context,
        ContentWriter writer)
    {
        var (body, problem) = await JsonBody.ReadAsync<ArticleSaveRequest>(context, "{\"content\", \"baseRevision\", \"message\"}").ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (body?.Content is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["content"] = ["`content` is required: the whole file, front matter and markdown."] });
        }

        // ?change={id}: into a change request's branch instead of the published one.
        var intoChange = int.TryParse(change, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var changeId);
        if (!intoChange && CurrentAuthor.PublishRefusal(context.User, context.RequestServices.GetRequiredService<KbCore.Reviews.ChangeRequests>()) is { } policy)
        {
            return Results.Problem(statusCode: 403, title: "Review required", detail: policy);
        }

        var result = intoChange
            ? await context.RequestServices.GetRequiredService<KbCore.Reviews.ChangeRequests>()
                .SaveAsync(changeId, path, body.Content, body.BaseRevision, CurrentAuthor.Reviewer(context.User), body.Message, context.RequestAborted).ConfigureAwait(false)
            : await writer.SaveAsync(path, body.Content, body.BaseRevision, CurrentAuthor.Of(context.User), body.Message, context.RequestAborted).ConfigureAwait(false);
        return result.Status switch
        {
            SaveStatus.Committed => Results.Json(
                new { path, revision = result.Revision, commit = result.CommitSha, merged = result.Merged, unchanged = result.Unchanged },
                statusCode: result.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK),
            SaveStatus.Conflict => Conflict(path, result, body.Content),
            _ => Rejected(result),
        };
    }

    private static async Task<IResult> DeleteAsync(
        string path,
        [Description("The revision you read; the delete is refused (409) if the article changed since.")] string? baseRevision,
        [Description("The commit message.")] string? message,
        HttpContext context,
        ContentWriter writer)
    {
        if (CurrentAuthor.PublishRefusal(context.User, context.RequestServices.GetRequiredService<KbCore.Reviews.ChangeRequests>()) is { } policy)
        {
            return Results.Problem(statusCode: 403, title: "Review required", detail: policy);
        }

        var result = await writer.DeleteAsync(path, baseRevision, CurrentAuthor.Of(context.User), message, context.RequestAborted).ConfigureAwait(false);
        return result.Status switch
        {
            SaveStatus.Committed => Results.NoContent(),
            SaveStatus.NotFound => NotFound(path),
            SaveStatus.Conflict => Conflict(path, result, null),
            _ => Rejected(result),
        };
    }


    private static IResult NotFound(string path) =>
        Results.Problem(statusCode: 404, title: "No such article", detail: $"There is no article at `{path}`.");

    private static IResult Conflict(string path, SaveResult result, string? yours) => Results.Problem(
        statusCode: 409,
        title: "The article changed since your base revision",
        detail: result.CurrentContent is null
            ? $"`{path}` was deleted or moved since you started. Save it as a new article (no baseRevision) if it should exist again."
            : $"Someone else changed the same lines of `{path}`. Merge your text into currentContent and save again with baseRevision = currentRevision.",
        extensions: new Dictionary<string, object?>
        {
            ["currentContent"] = result.CurrentContent,
            ["currentRevision"] = result.CurrentRevision,
            ["yourContent"] = yours,
        });

    private static IResult Rejected(SaveResult result) => result.Field == ContentWriter.BusyField
        ? Results.Problem(statusCode: 503, title: "Busy", detail: result.Error)
        : Results.ValidationProblem(
            new Dictionary<string, string[]> { [result.Field ?? "request"] = [result.Error ?? "The request cannot be saved."] },
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The article cannot be saved");
}
