using KbCore.Content;
using KbCore.Rendering;
using KbCore.Search;
using KbCore.Themes;
using KbCore.Themes.Models;
using Microsoft.AspNetCore.WebUtilities;

namespace KbServer.HelpCenter;

/// <summary>
/// Builds the search page's view: results with snippets, facets that toggle filters, paging, did-you-mean, and
/// "Showing results for" with a link to search the words as typed (<c>as_typed=1</c>).
/// </summary>
internal sealed class SearchPageBuilder(ArticleSearcher searcher, SearchIndex index, KbCore.Analytics.SearchLog log, KbCore.Telemetry.KbMetrics metrics)
{
    private const int PageSize = 10;

    /// <summary>
    /// Whether this request is a team member's, and whether their results include internal articles: they do unless
    /// <c>internal=0</c> turns them off (to see what customers find). Visitors never get them, whatever they ask.
    /// </summary>
    public static (bool Team, bool IncludeInternal) Internal(HttpContext context)
    {
        var team = HelpCenterAudience.IsTeam(context);
        return (team, team && context.Request.Query["internal"] != "0");
    }

    /// <param name="asTyped">Search the words without spelling corrections (the "Search instead for" link).</param>
    public SearchView Build(ContentSnapshot snapshot, string query, int page, string? category, string? tag, string? ticketCategory, (bool Team, bool IncludeInternal) audience = default, bool asTyped = false)
    {
        if (index.IndexedCommit is null)
        {
            return new SearchView(query, [], Available: false);
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            return new SearchView(query, [], Available: true);
        }

        var response = metrics.Search("page", () => searcher.Search(new SearchRequest(query, page, PageSize, category, tag, ticketCategory, audience.IncludeInternal, asTyped)), r => r.Total);
        // The search report is about what customers look for: the team's own searches are not counted.
        if (page == 1 && !audience.Team)
        {
            log.Record(query, response.Total, "page", (response.Hits.Count > 0 ? response.Hits[0].Path : null));
        }

        var filters = new Dictionary<string, string?>
        {
            ["category"] = category,
            ["tag"] = tag,
            ["ticket_category"] = ticketCategory,
            ["internal"] = audience.Team && !audience.IncludeInternal ? "0" : null,
            ["as_typed"] = asTyped ? "1" : null,
        };
        var results = response.Hits.Select(h => new SearchResultView(
            h.Title,
            ClickUrl(query, HelpCenterUrls.ForPath(h.Path)),
            h.Summary,
            new RawHtml(h.Snippet),
            SectionTitle(snapshot, h.Path),
            snapshot.Articles.TryGetValue(h.Path, out var article) && !article.IsPublic)).ToArray();
        var pages = (response.Total + PageSize - 1) / PageSize;
        return new SearchView(
            query,
            results,
            Available: true,
            response.Total,
            response.DidYouMean ?? string.Empty,
            response.DidYouMean is null ? string.Empty : Url(response.DidYouMean, 1, filters),
            Facets(snapshot, response, query, filters),
            page,
            page > 1 ? Url(query, page - 1, filters) : string.Empty,
            page < pages ? Url(query, page + 1, filters) : string.Empty,
            audience.IncludeInternal,
            audience.Team ? Url(query, 1, new Dictionary<string, string?>(filters) { ["internal"] = audience.IncludeInternal ? "0" : null }) : string.Empty,
            response.CorrectedQuery is { } corrected
                ? new QueryCorrectionView(corrected, Url(corrected, 1, filters), Url(query, 1, new Dictionary<string, string?>(filters) { ["as_typed"] = "1" }))
                : null);
    }

    private static FacetGroupView[] Facets(ContentSnapshot snapshot, SearchResponse response, string query, Dictionary<string, string?> filters)
    {
        (string Key, string Param, string Label, Func<string, string> Name)[] groups =
        [
            ("category", "category", "Category", v => snapshot.Folders.GetValueOrDefault(v)?.Title ?? v),
            ("tag", "tag", "Tag", v => v),
            ("ticket_category", "ticket_category", "Ticket category", v => snapshot.TicketCategories.Find(v)?.Name ?? v),
        ];
        return groups
            .Where(g => response.Facets.TryGetValue(g.Key, out var values) && values.Count > 0)
            .Select(g => new FacetGroupView(g.Key, g.Label, response.Facets[g.Key].Select(v =>
            {
                var selected = string.Equals(filters[g.Param], v.Value, StringComparison.OrdinalIgnoreCase);
                var toggled = new Dictionary<string, string?>(filters) { [g.Param] = selected ? null : v.Value };
                return new FacetValueView(g.Name(v.Value), v.Count, Url(query, 1, toggled), selected);
            }).ToArray()))
            .ToArray();
    }

    /// <summary>Result links pass through <c>/search/click</c>, which records the click and redirects.</summary>
    private static string ClickUrl(string query, string articleUrl) =>
        QueryHelpers.AddQueryString("/search/click", new Dictionary<string, string?> { ["q"] = query, ["to"] = articleUrl });

    private static string SectionTitle(ContentSnapshot snapshot, string path)
    {
        var folder = path.LastIndexOf('/') is var i and > 0 ? path[..i] : string.Empty;
        return snapshot.Folders.GetValueOrDefault(folder)?.Title ?? string.Empty;
    }

    private static string Url(string query, int page, Dictionary<string, string?> filters)
    {
        var parameters = new Dictionary<string, string?> { ["q"] = query };
        foreach (var (key, value) in filters.Where(f => !string.IsNullOrEmpty(f.Value)))
        {
            parameters[key] = value;
        }

        if (page > 1)
        {
            parameters["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return QueryHelpers.AddQueryString("/search", parameters);
    }
}
