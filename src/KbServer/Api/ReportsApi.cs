using KbCore.Accounts;
using KbCore.Analytics;
using KbServer.Auth;

namespace KbServer.Api;

/// <summary><c>/api/v1/reports/*</c>: team analytics, for signed-in people and tokens with the <c>reports</c> scope.</summary>
internal static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/v1/reports").RequireAuthorization(KbPolicies.Scope(TokenScopes.Reports));
        reports.MapGet("/search", Search);
        return app;
    }

    private static async Task<IResult> Search(string? days, SearchReports reports, CancellationToken cancellationToken)
    {
        var period = 30;
        if (days is not null && (!int.TryParse(days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out period) || period < 1 || period > SearchReports.MaxDays))
        {
            return Results.Problem(statusCode: 400, title: "Invalid days", detail: $"`days` must be a whole number from 1 to {SearchReports.MaxDays}.");
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
