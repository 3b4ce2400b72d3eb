using KbServer.Auth;
using Microsoft.AspNetCore.Antiforgery;

namespace KbServer.Api;

/// <summary>
/// Writes from a browser session need the antiforgery token; a personal token in a header cannot be sent by another
/// site, so token callers pass. Put on every state-changing API endpoint.
/// </summary>
internal sealed class BrowserAntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!CurrentAuthor.ViaToken(http.User) && !await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
        {
            return Results.Problem(statusCode: 400, title: "Missing antiforgery token", detail: "Browser sessions must send the antiforgery token; integrations use a personal API token.");
        }

        return await next(context).ConfigureAwait(false);
    }
}
