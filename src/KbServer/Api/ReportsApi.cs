using System.ComponentModel;
using KbCore.Accounts;
using KbCore.Analytics;
using KbServer.Api.Docs;
using KbServer.Auth;

namespace KbServer.Api;

/// <summary><c>/api/v1/reports/*</c>: team analytics, for signed-in people and tokens with the <c>reports</c> scope.</summary>
internal static class ReportsApi
{
    private const string DaysDescription = "The period: the last N days, from 1 to 366.";

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/reports").RequireAuthorization(KbPolicies.Scope(TokenScopes.Reports)).WithTags("Reports");
        reports.MapGet("/search", Search)
            .WithSummary("Search report")
            .WithDescription("Searches, zero-result share, click-through, the top and the zero-result queries, and a row per day (default: the last 30 days).")
            .WithResponseExample(StatusCodes.Status200OK, "The report", ResponseExamples.SearchReport)
            .ProducesProblems(StatusCodes.Status400BadRequest);
        reports.MapGet("/ticket-categories", TicketCategoriesAsync)
            .WithSummary("Ticket category report")
            .WithDescription("Per ticket category: tickets, linked articles (all, public, internal), views, searches, helpful share, deflections and the gap score, highest gap first (default: the last 30 days). Helpful share and gap count public articles only: customers never see internal ones.")
            .WithResponseExample(StatusCodes.Status200OK, "One row per category", ResponseExamples.TicketCategoryReport)
            .ProducesProblems(StatusCodes.Status400BadRequest);
        reports.MapGet("/authors", AuthorsAsync)
            .WithSummary("Author report")
            .WithDescription("Per author: articles created and edited on the published branch, and appreciations received (default: the last 7 days).")
            .WithResponseExample(StatusCodes.Status200OK, "One row per author", ResponseExamples.AuthorReport)
            .ProducesProblems(StatusCodes.Status400BadRequest);
        reports.MapGet("/stale", Stale)
            .WithSummary("Stale articles")
            .WithDescription("Articles whose `review_by` date has passed, grouped by `owner` (null: no owner).")
            .WithResponseExample(StatusCodes.Status200OK, "Owners and their overdue articles", ResponseExamples.StaleReport);
        return app;
    }

    private static bool TryDays([Description(DaysDescription)] string? days, int fallback, out int period, out IResult? problem)
    {
        period = fallback;
        problem = null;
        if (days is not null && (!int.TryParse(days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out period) || period < 1 || period > SearchReports.MaxDays))
        {
            problem = Results.Problem(statusCode: 400, title: "Invalid days", detail: $"`days` must be a whole number from 1 to {SearchReports.MaxDays}.");
            return false;
        }

        return true;
    }

    private static async Task<IResult> TicketCategoriesAsync([Description(DaysDescription)] string? days, TicketCategoryReports reports, CancellationToken cancellationToken)
    {
        if (!TryDays(days, 30, out var period, out var problem))
        {
            return problem!;
        }

        var rows = await reports.BuildAsync(period, cancellationToken).ConfigureAwait(false);
        return Results.Json(rows.Select(r => new
        {
            category = r.Category,
            name = r.Name,
            tickets = r.Tickets,
            articles = r.Articles,
            publicArticles = r.PublicArticles,
            internalArticles = r.InternalArticles,
            views = r.Views,
            searches = r.Searches,
            helpful = r.Helpful,
            deflections = r.Deflections,
            gap = r.Gap,
        }));
    }

    private static async Task<IResult> AuthorsAsync([Description(DaysDescription)] string? days, AuthorReports reports, CancellationToken cancellationToken)
    {
        if (!TryDays(days, 7, out var period, out var problem))
        {
            return problem!;
        }

        var report = await reports.BuildAsync(period, cancellationToken).ConfigureAwait(false);
        return Results.Json(report.Authors.Select(a => new { email = a.Email, name = a.Name, created = a.Created, edited = a.Edited, appreciations = a.Appreciations }));
    }

    private static IResult Stale(KbCore.Content.ContentStore store, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var stale = StaleArticles.ByOwner(store.Current, today)
            .Select(g => new
            {
                owner = g.Key.Length == 0 ? null : g.Key,
                articles = g.Select(a => new { path = a.Path, title = a.Title, reviewBy = a.Metadata.ReviewBy, visibility = a.IsPublic ? "public" : "internal" }),
            });
        return Results.Json(stale);
    }

    private static async Task<IResult> Search([Description(DaysDescription)] string? days, SearchReports reports, CancellationToken cancellationToken)
    {
        if (!TryDays(days, 30, out var period, out var problem))
        {
            return problem!;
        }

        var report = await reports.BuildAsync(period, cancellationToken).ConfigureAwait(false);
        return Results.Json(new
        {
            from = report.From,
            to = report.To,
            searches = report.Searches,
            zeroResultSearches = report.ZeroResultSearches,
            zeroResultShare = report.ZeroResultShare,
            clicks = report.Clicks,
            clickThrough = report.ClickThrough,
            topQueries = report.TopQueries.Select(Row),
            zeroResultQueries = report.ZeroResultQueries.Select(Row),
            byDay = report.ByDay.Select(d => new { day = d.Day, searches = d.Searches, zeroResults = d.ZeroResults, clicks = d.Clicks }),
        });
    }

    private static object Row(SearchReport.QueryRow row) =>
        new { query = row.Query, searches = row.Searches, zeroResults = row.ZeroResults, clicks = row.Clicks, lastSearched = row.LastSearched };
}
