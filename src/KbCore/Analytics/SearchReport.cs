namespace KbCore.Analytics;

/// <summary>What customers searched for over a period: the studio's search report and <c>/api/v1/reports/search</c>.</summary>
public sealed record SearchReport(
    DateOnly From,
    DateOnly To,
    int Searches,
    int ZeroResultSearches,
    int Clicks,
    IReadOnlyList<SearchReport.QueryRow> TopQueries,
    IReadOnlyList<SearchReport.QueryRow> ZeroResultQueries,
    IReadOnlyList<SearchReport.DayRow> ByDay)
{
    /// <summary>Clicks per search: how often a search led to opening an article.</summary>
    public double ClickThrough => Searches == 0 ? 0 : Math.Round((double)Clicks / Searches, 3);

    public double ZeroResultShare => Searches == 0 ? 0 : Math.Round((double)ZeroResultSearches / Searches, 3);

    public sealed record QueryRow(string Query, int Searches, int ZeroResults, int Clicks, DateTime LastSearched);

    public sealed record DayRow(DateOnly Day, int Searches, int ZeroResults, int Clicks);
}
