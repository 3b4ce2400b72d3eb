using System.Globalization;
using System.Text;
using KbCore.Analytics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KbServer.Pages.Studio.Reports;

/// <summary>Top queries, zero-result queries and click-through, by day, with a CSV of every query.</summary>
public sealed class SearchModel(SearchReports reports) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "days")]
    public int Days { get; set; } = 30;

    public SearchReport Report { get; private set; } = null!;

    /// <summary>One bar per day, for the chart and for the table that says the same in text.</summary>
    public IReadOnlyList<ChartDay> ChartDays =>
        [.. Report.ByDay.Select(d => new ChartDay(d.Day, d.Searches, d.ZeroResults, $"{d.Day:yyyy-MM-dd}: {d.Searches} searches, {d.ZeroResults} with no results, {d.Clicks} opened"))];

    public string ChartSvg => DailyChart.Render(ChartDays, "Searches");

    public async Task OnGetAsync()
    {
        Days = Math.Clamp(Days, 1, SearchReports.MaxDays);
        Report = await reports.BuildAsync(Days, HttpContext.RequestAborted).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        Days = Math.Clamp(Days, 1, SearchReports.MaxDays);
        var report = await reports.BuildAsync(Days, HttpContext.RequestAborted).ConfigureAwait(false);
        var csv = new StringBuilder("query,searches,opened,no_results,last_searched\n");
        foreach (var row in report.TopQueries.Concat(report.ZeroResultQueries).DistinctBy(r => r.Query))
        {
            csv.Append(CsvText.Field(row.Query)).Append(',').Append(row.Searches.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(row.Clicks.ToString(CultureInfo.InvariantCulture)).Append(',').Append(row.ZeroResults.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(row.LastSearched.ToString("O", CultureInfo.InvariantCulture)).Append('\n');
        }

        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"search-report-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}.csv");
    }
}
