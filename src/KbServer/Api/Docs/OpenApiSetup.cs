namespace KbServer.Api.Docs;

internal static class OpenApiSetup
{
    /// <summary>
    /// <c>/openapi/v1.json</c>: the JSON API only (pages, assets and git are not part of the integration contract),
    /// with request and response examples, the scopes each operation needs, and its problem answers.
    /// </summary>
    public static IServiceCollection AddKbOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = description => description.RelativePath?.StartsWith(ApiV1.RelativePrefix + "/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "KnowledgeBase API";
                document.Info.Description =
                    "Search, articles, change requests, ticket suggestions and events, feedback and reports. Integrations send a personal token " +
                    "(`Authorization: Bearer kb_…`, made in the studio under Account → API tokens); each operation lists the scopes it needs. " +
                    "Article paths are repository paths without `.md`. Errors are RFC 7807 problem details (`application/problem+json`).";
                return Task.CompletedTask;
            });
            o.AddRequestExamples();
            o.AddAccessDocumentation();
        });
}
