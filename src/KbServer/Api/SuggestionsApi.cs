using System.Text.Json;
using KbCore.Accounts;
using KbCore.Content;
using KbCore.Rendering;
using KbCore.Search;
using KbServer.Api.Docs;
using KbServer.Auth;

namespace KbServer.Api;

/// <summary>
/// <c>POST /api/v1/suggestions</c>: articles for the ticket in front of an agent. Tokens with scope <c>suggest</c>
/// (and team sessions) may receive internal articles; <c>"audience": "public"</c> asks for customer-safe ones only.
/// </summary>
internal static class SuggestionsApi
{
    public const int MaxBodyBytes = 32 * 1024;
    public const int MaxSubjectLength = 500;
    public const int MaxDescriptionLength = 10_000;

    public static IEndpointRouteBuilder MapSuggestionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/suggestions", SuggestAsync)
            .RequireAuthorization(KbPolicies.Scope(TokenScopes.Suggest))
            .RequireBrowserAntiforgery()
            .RequireRateLimiting(ApiRateLimits.PerCaller)
            .WithTags("Helpdesk")
            .Accepts<SuggestionsRequestBody>("application/json")
            .WithSummary("Suggest articles for a ticket")
            .WithDescription("The articles an agent should see for the ticket in front of them: linked to its category and matching its words. Give the category as ours (`category`) or the helpdesk's (`externalCategory`: `{\"system\": \"zendesk\", \"id\": \"360001003\"}`). Internal articles are included unless `\"audience\": \"public\"` (for customer-facing use). `why` says what matched: `category`, `text`, `meaning`.")
            .WithResponseExample(StatusCodes.Status200OK, "Suggestions, best first", ResponseExamples.Suggestions)
            .ProducesProblems(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    private static async Task<IResult> SuggestAsync(HttpContext http, ArticleSearcher searcher, ContentStore store)
    {
        var (document, problem) = await LimitedJsonBody.ReadAsync(http, MaxBodyBytes).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        SuggestionsRequestBody? body;
        using (document)
        {
            try
            {
                body = document!.RootElement.Deserialize<SuggestionsRequestBody>(JsonSerializerOptions.Web);
            }
            catch (JsonException e)
            {
                return ApiProblems.Invalid(e.Path?.TrimStart('$', '.') is { Length: > 0 } field ? field : "$", "wrong type: " + e.Message);
            }
        }

        if (body is null)
        {
            return ApiProblems.Invalid("$", "the body must be a JSON object");
        }

        if (Validate(body) is { } invalid)
        {
            return invalid;
        }

        var catalog = store.Current.TicketCategories;
        string? category = null;
        if (body.Category is { Length: > 0 } id)
        {
            category = catalog.Contains(id) ? id : null;
            if (category is null)
            {
                return ApiProblems.Invalid("category", $"unknown ticket category `{id}`: not in ticket-categories.yml");
            }
        }
        else if (body.ExternalCategory is { } external)
        {
            if (string.IsNullOrWhiteSpace(external.System) || string.IsNullOrWhiteSpace(external.Id))
            {
                return ApiProblems.Invalid("externalCategory", "`externalCategory` needs `system` and `id`");
            }

            category = catalog.FindByExternal(external.System, external.Id)?.Id;
            if (category is null)
            {
                return ApiProblems.Invalid("externalCategory", $"no ticket category has {external.System} id `{external.Id}`");
            }
        }

        var includeInternal = !string.Equals(body.Audience, "public", StringComparison.OrdinalIgnoreCase);
        var text = $"{body.Subject} {body.Description}";
        var suggestions = searcher.Suggest(new SuggestionRequest(text, category, body.Limit ?? 5, includeInternal));
        return Results.Json(new
        {
            category,
            results = suggestions.Select(s => new { path = s.Path, url = HelpCenterUrls.ForPath(s.Path), title = s.Title, snippet = s.Snippet, score = s.Score, why = s.Why }),
        });
    }

    private static IResult? Validate(SuggestionsRequestBody body)
    {
        if (body.Limit is < 1 or > SuggestionRequest.MaxLimit)
        {
            return ApiProblems.Invalid("limit", $"`limit` must be from 1 to {SuggestionRequest.MaxLimit}");
        }

        if (body.Subject?.Length > MaxSubjectLength)
        {
            return ApiProblems.Invalid("subject", $"`subject` is limited to {MaxSubjectLength} characters");
        }

        if (body.Description?.Length > MaxDescriptionLength)
        {
            return ApiProblems.Invalid("description", $"`description` is limited to {MaxDescriptionLength} characters");
        }

        if (body.Audience is not (null or "public" or "team"))
        {
            return ApiProblems.Invalid("audience", "`audience` is `public` (customer-safe articles only) or `team` (the default)");
        }

        return string.IsNullOrWhiteSpace(body.Subject) && string.IsNullOrWhiteSpace(body.Description) && string.IsNullOrWhiteSpace(body.Category) && body.ExternalCategory is null
            ? ApiProblems.Invalid("subject", "give a `subject`, a `description` or a category")
            : null;
    }
}
