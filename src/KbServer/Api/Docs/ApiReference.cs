using KbServer.Hosting;
using Scalar.AspNetCore;

namespace KbServer.Api.Docs;

/// <summary>
/// <c>/api/reference</c>: the browsable reference (Scalar) over <c>/openapi/v1.json</c>. Public like the document it
/// reads: it describes what an integration may call and shows no data; trying a call still needs a token.
/// Everything the page loads comes from this server (the package embeds its bundle), so it works offline and
/// tells no third party who reads the docs.
/// </summary>
internal static class ApiReference
{
    public const string Path = "/api/reference";

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference(Path, (options, context) =>
        {
            // Scalar starts itself with an inline module script: it gets this response's nonce, and the page its own policy.
            options.Nonce = SecurityHeaders.UseApiReferencePolicy(context);
            options
                .WithTitle("KnowledgeBase API reference")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddPreferredSecuritySchemes(OpenApiAccess.BearerScheme)
                // Off: web fonts from Scalar's CDN, usage pings, the hosted AI chat and MCP: each calls a third party.
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                // Its toolbar links to Scalar's hosted services (SDKs, deploys), which are not ours to offer.
                .HideDeveloperTools();
        });
        return app;
    }
}
