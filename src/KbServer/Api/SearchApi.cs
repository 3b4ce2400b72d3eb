using System.ComponentModel;
using KbCore.Rendering;
using KbServer.Api.Docs;
using KbCore.Content;
using KbCore.Search;
using KbServer.HelpCenter;

namespace KbServer.Api;

/// <summary>
/// <c>/api/v1/search</c> and <c>/api/v1/autocomplete</c>: public results only, except for a signed-in team member's
/// browser (the help center's own search box), which also gets internal articles, marked, in private responses.
/// </summary>
internal static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(string.Empty).WithTags("Search");
        api.MapGet("/search", Search)
            .WithSummary("Search articles")
            .WithDescription("Ranked results with highlighted snippets (`<mark>`), facets and a spelling suggestion; 10 per page. Anonymous callers and tokens get public articles; a signed-in team member's browser also gets internal ones, marked `internal`.")
            .WithResponseExample(StatusCodes.Status200OK, "Results, best first", ResponseExamples.Search)
            .ProducesProblems(StatusCodes.Status400BadRequest);
        api.MapGet("/autocomplete", Autocomplete)
            .WithSummary("Complete a search as it is typed")
            .WithDescription("Titles whose words start with what was typed, for a search box. The same audience rules as search.")
            .WithResponseExample(StatusCodes.Status200OK, "Up to ten articles", ResponseExamples.Autocomplete)
            .ProducesProblems(StatusCodes.Status400BadRequest);
        return app;
    }

    private static IResult Search(
        [Description("The words to look for (up to 500 characters); typos and word forms are forgiven.")] string? q,
        [Description("Page number, from 1.")] int? page,
        [Description("Only this top-level category (a folder), e.g. `invoicing`.")] string? category,
        [Description("Only articles with this tag.")] string? tag,
        [Description("Only articles linked to this ticket category id (see ticket-categories.yml).")] string? ticket_category,
        HttpContext context, ContentStore store, ArticleSearcher searcher, KbCore.Analytics.SearchLog log, KbCore.Telemetry.KbMetrics metrics)
    {
        if (Validate(q) is { } problem)
        {
            return problem;
        }

        var (team, includeInternal) = SearchPageBuilder.Internal(context);
        HelpCenterAudience.SetCaching(context, team, "no-cache");
        var snapshot = store.Current;
        var response = metrics.Search("api", () => searcher.Search(new SearchRequest(q ?? string.Empty, page ?? 1, 10, category, tag, ticket_category, includeInternal)), r => r.Total);
        if ((page ?? 1) == 1 && !team)
        {
            log.Record(q ?? string.Empty, response.Total, "api", (response.Hits.Count > 0 ? response.Hits[0].Path : null));
        }

        return Results.Json(new
        {
            total = response.Total,
            results = response.Hits.Select(h => new
            {
                path = h.Path,
                url = HelpCenterUrls.ForPath(h.Path),
                title = h.Title,
                snippet = h.Snippet,
                category = h.Category,
                score = h.Score,
                match = h.Match switch { HitMatch.Both => "both", HitMatch.Meaning => "meaning", _ => "words" },
                @internal = IsInternal(snapshot, h.Path),
            }),
            facets = response.Facets.ToDictionary(f => f.Key, f => f.Value.Select(v => new { value = v.Value, count = v.Count })),
            didYouMean = response.DidYouMean,
        });
    }

    private static IResult Autocomplete([Description("What has been typed so far.")] string? q, HttpContext context, ContentStore store, ArticleSearcher searcher, KbCore.Telemetry.KbMetrics metrics)
    {
        if (Validate(q) is { } problem)
        {
            return problem;
        }

        var (team, includeInternal) = SearchPageBuilder.Internal(context);
        HelpCenterAudience.SetCaching(context, team, "no-cache");
        var snapshot = store.Current;
        var suggestions = metrics.Search("autocomplete", () => searcher.Autocomplete(q ?? string.Empty, includeInternal), s => s.Count);
        return Results.Json(new
        {
            results = suggestions.Select(s => new { path = s.Path, url = HelpCenterUrls.ForPath(s.Path), title = s.Title, @internal = IsInternal(snapshot, s.Path) }),
        });
    }

    private static bool IsInternal(ContentSnapshot snapshot, string path) =>
        snapshot.Articles.TryGetValue(path, out var article) && !article.IsPublic;

    private static IResult? Validate(string? q) => q is { Length: > SearchRequest.MaxQueryLength }
        ? Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Query too long",
            detail: $"Search queries are limited to {SearchRequest.MaxQueryLength} characters; this one has {q.Length}.")
        : null;
}
