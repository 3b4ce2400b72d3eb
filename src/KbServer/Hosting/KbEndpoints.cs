using KbServer.Api;
using KbServer.Api.Docs;
using KbServer.GitHttp;
using KbServer.HelpCenter;
using KbServer.Hosting.Operations;

namespace KbServer.Hosting;

/// <summary>
/// The endpoints by audience. Program maps the groups in this order, which is the order they were always mapped in
/// (the OpenAPI document lists operations in it; routing itself goes by route precedence).
/// </summary>
internal static class KbEndpoints
{
    /// <summary>Probes and metrics, for whoever runs the server.</summary>
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        app.MapHealth();
        app.MapKbOperations();
        return app;
    }

    /// <summary>The integration API, its OpenAPI document and reference, and the token-readable feed of changes.</summary>
    public static IEndpointRouteBuilder MapIntegrations(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapApiReference();
        app.MapApiV1();
        app.MapRecentChangesFeed();
        return app;
    }

    /// <summary>Clone, pull and push of the content repository.</summary>
    public static IEndpointRouteBuilder MapGit(this IEndpointRouteBuilder app) => app.MapGitHttp();

    /// <summary>The team's pages, and the help center as a change request would publish it.</summary>
    public static IEndpointRouteBuilder MapStudio(this IEndpointRouteBuilder app)
    {
        app.MapChangePreview();
        app.MapRazorPages();
        return app;
    }

    /// <summary>What customers and search engines see: the contact page, robots and sitemaps, then every themed page.</summary>
    public static IEndpointRouteBuilder MapPublicHelpCenter(this IEndpointRouteBuilder app)
    {
        app.MapContact();
        app.MapSearchEngines();
        app.MapHelpCenter();
        return app;
    }
}
