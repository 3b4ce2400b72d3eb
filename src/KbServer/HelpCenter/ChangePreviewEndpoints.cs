using KbCore.Content;
using KbCore.Reviews;
using KbServer.Auth;

namespace KbServer.HelpCenter;

/// <summary>
/// <c>/studio/changes/{id}/preview/{path}</c>: an article of a change request as customers will see it once merged,
/// with the live theme. Team only; the published help center never reads a change request's branch.
/// </summary>
internal static class ChangePreviewEndpoints
{
    public static IEndpointRouteBuilder MapChangePreview(this IEndpointRouteBuilder app)
    {
        app.MapGet("/studio/changes/{id:int}/preview/{**path}", PreviewAsync).RequireAuthorization(KbPolicies.StudioMember);
        return app;
    }

    private static async Task PreviewAsync(HttpContext context, int id, string? path, ChangeRequests changes, ContentStore store, HelpCenterResponses pages, HelpCenterViewBuilder views)
    {
        var published = store.Current;
        var request = await changes.FindAsync(id, context.RequestAborted).ConfigureAwait(false);
        var snapshot = request is null ? null : changes.Snapshot(request, published);
        var key = ContentPaths.Normalize(path);
        if (snapshot is null || key is null || !snapshot.Articles.TryGetValue(key, out var article) || !HelpCenterViewBuilder.CanSee(article, includeInternal: false))
        {
            await pages.WriteErrorAsync(context, published, StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        context.Response.Headers["X-Robots-Tag"] = "noindex";

        // Team-only content: never stored by a shared cache (set last, over the page writer's default).
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.CacheControl = "private, no-store";
            return Task.CompletedTask;
        });
        await pages.WritePageAsync(context, snapshot, "preview/" + id + "/" + key, () => ("article", views.Article(snapshot, article, includeInternal: false), article.Title, article.Metadata.Summary ?? string.Empty), cacheable: false, asVisitor: true).ConfigureAwait(false);
    }
}
