using System.Net;
using KbCore.Articles;
using KbCore.Content;

namespace KbServer.HelpCenter;

/// <summary>
/// <c>/healthz</c>: is the content loaded, and at which commit. Counts cover public articles only.
/// Problem details (file, line, message) can name internal articles, so they are listed only as
/// <c>Health:Details</c> allows: <c>local</c> (default: loopback requests that came through no proxy),
/// <c>always</c> or <c>never</c>.
/// </summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/healthz", [HttpMethods.Get, HttpMethods.Head], (HttpContext context, ContentStore store, KbCore.Search.SearchIndex index, KbCore.Search.Semantic.SemanticIndex semantic, KbCore.Rendering.ArticleRenderer renderer, IConfiguration config) =>
        {
            var snapshot = store.Current;
            var details = ShowDetails(context, config["Health:Details"]);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(new
            {
                status = "ok",
                commit = snapshot.CommitSha,
                articles = snapshot.Articles.Values.Count(a => a.IsPublic),
                search = new
                {
                    state = index.Progress.State,
                    percent = index.Progress.Percent,
                    commit = index.Progress.Commit,
                    semantic = new { state = semantic.Progress.State, percent = semantic.Progress.Percent, warning = semantic.Progress.Warning },
                },
                errors = details ? snapshot.Problems.Count(p => p.Severity == ContentProblem.Error) + renderer.Abandoned.Count : (int?)null,
                warnings = details ? snapshot.Problems.Count(p => p.Severity != ContentProblem.Error) : (int?)null,
                problems = details
                    ? snapshot.Problems.Select(p => new { file = p.File, line = p.Line, severity = p.Severity, message = p.Message })
                        .Concat(renderer.Abandoned.Select(a => new { file = a.FilePath, line = 0, severity = ContentProblem.Error, message = a.Reason }))
                    : null,
            });
        });
        return app;
    }

    private static bool ShowDetails(HttpContext context, string? setting) => setting?.ToLowerInvariant() switch
    {
        "always" => true,
        "never" => false,
        _ => context.Connection.RemoteIpAddress is { } remote
            && IPAddress.IsLoopback(remote)
            && !Hosting.ProxiedRequests.CameThroughProxy(context),
    };
}
