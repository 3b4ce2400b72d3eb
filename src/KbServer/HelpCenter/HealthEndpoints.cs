using System.Net;
using KbCore.Articles;
using KbCore.Content;

namespace KbServer.HelpCenter;

/// <summary>
/// <c>/healthz</c>: is the content loaded, and at which commit. Problem details (file, line, message)
/// can name internal articles, so they are listed only for requests from this machine.
/// </summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (HttpContext context, ContentStore store) =>
        {
            var snapshot = store.Current;
            var errors = snapshot.Problems.Count(p => p.Severity == ContentProblem.Error);
            var local = IsLocal(context);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(new
            {
                status = "ok",
                commit = snapshot.CommitSha,
                articles = snapshot.Articles.Count,
                errors,
                warnings = snapshot.Problems.Count - errors,
                problems = local
                    ? snapshot.Problems.Select(p => new { file = p.File, line = p.Line, severity = p.Severity, message = p.Message })
                    : null,
            });
        });
        return app;
    }

    private static bool IsLocal(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;

        // The in-process test server has no remote address; everything else must come from loopback.
        return remote is null || IPAddress.IsLoopback(remote);
    }
}
