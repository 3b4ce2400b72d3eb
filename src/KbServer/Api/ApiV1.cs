namespace KbServer.Api;

/// <summary>
/// The integration API's version prefix, written once: every v1 endpoint is mapped under its group, and the OpenAPI
/// document and request examples name operations by the same prefix.
/// </summary>
internal static class ApiV1
{
    /// <summary>As the OpenAPI descriptions spell it (relative paths, no leading slash).</summary>
    public const string RelativePrefix = "api/v1";

    public const string Prefix = "/" + RelativePrefix;

    /// <summary>Search, reports, articles, change requests, suggestions, ticket events and feedback, in that order (the document's).</summary>
    public static IEndpointRouteBuilder MapApiV1(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup(Prefix);
        v1.MapSearchApi();
        v1.MapReportsApi();
        v1.MapArticlesApi();
        v1.MapChangesApi();
        v1.MapSuggestionsApi();
        v1.MapTicketEventsApi();
        v1.MapFeedbackApi();
        return app;
    }
}
