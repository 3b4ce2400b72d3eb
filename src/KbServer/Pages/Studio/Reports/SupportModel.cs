using System.Text;
using KbCore.Analytics;
using KbCore.Articles;
using KbCore.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace KbServer.Pages.Studio.Reports;

/// <summary>
/// The support funnel for the team: per ticket category (tickets, public and internal articles, views, searches,
/// helpful share, deflections, gap: the "write this next" list, each with a new article to start under a title from
/// what customers asked), stale articles by owner, and each author's week. Each has a CSV.
/// </summary>
public sealed class SupportModel(TicketCategoryReports categories, AuthorReports authors, ArticleFeedbackService feedback, ContentStore store, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "days")]
    public int Days { get; set; } = 30;

    /// <summary>The "this week" panel's window, for its chart and its table alike.</summary>
    public const int AuthoringDays = 7;

    /// <summary>How many categories "write this next" lists.</summary>
    public const int NextCount = 5;

    public IReadOnlyList<TicketCategoryRow> Categories { get; private set; } = [];

    /// <summary>The categories to write for first: those with a gap, largest first.</summary>
    public IReadOnlyList<TicketCategoryRow> Next { get; private set; } = [];

    /// <summary>This week's authors and days (the last <see cref="AuthoringDays"/> days).</summary>
    public AuthorReport Authoring { get; private set; } = new([], []);

    private IReadOnlyDictionary<string, string> _titles = new Dictionary<string, string>();

    public IReadOnlyList<IGrouping<string, Article>> Stale { get; private set; } = [];

    /// <summary>What readers wrote with their votes, newest first.</summary>
    public IReadOnlyList<ArticleFeedback> Comments { get; private set; } = [];

    public string ChartSvg => GapChart.Render(Categories);

    /// <summary>Articles touched per day over two weeks, created ones highlighted.</summary>
    public IReadOnlyList<ChartDay> AuthoringChartDays =>
        [.. Authoring.ByDay.Select(d => new ChartDay(d.Day, d.Created + d.Edited, d.Created, $"{d.Day:yyyy-MM-dd}: {d.Created} created, {d.Edited} edited"))];

    public string AuthoringSvg => DailyChart.Render(AuthoringChartDays, "Articles written");

    public async Task OnGetAsync()
    {
        Days = Math.Clamp(Days, 1, SearchReports.MaxDays);
        Categories = await categories.BuildAsync(Days, HttpContext.RequestAborted).ConfigureAwait(false);
        Next = [.. Categories.Where(c => c.Gap > 0).Take(NextCount)];
        _titles = await categories.SuggestTitlesAsync([.. Next.Select(c => c.Category)], Days, HttpContext.RequestAborted).ConfigureAwait(false);
        Authoring = await authors.BuildAsync(AuthoringDays, HttpContext.RequestAborted).ConfigureAwait(false);
        Comments = await feedback.RecentCommentsAsync(20, HttpContext.RequestAborted).ConfigureAwait(false);
        Stale = StaleByOwner();
    }

    public async Task<IActionResult> OnGetCsvAsync(string? report)
    {
        Days = Math.Clamp(Days, 1, SearchReports.MaxDays);
        var csv = new StringBuilder();
        switch (report)
        {
            case "authors":
                csv.Append("email,name,created,edited,appreciations\n");
                foreach (var a in (await authors.BuildAsync(AuthoringDays, HttpContext.RequestAborted).ConfigureAwait(false)).Authors)
                {
                    csv.Append(CsvText.Line(a.Email, a.Name, a.Created, a.Edited, a.Appreciations));
                }

                break;
            case "stale":
                csv.Append("owner,path,title,review_by\n");
                foreach (var article in StaleByOwner().SelectMany(g => g))
                {
                    csv.Append(CsvText.Line(article.Metadata.Owner, article.Path, article.Title, article.Metadata.ReviewBy?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
                }

                break;
            default:
                report = "ticket-categories";
                csv.Append("category,name,tickets,public_articles,internal_articles,views,searches,helpful,deflections,gap\n");
                foreach (var r in await categories.BuildAsync(Days, HttpContext.RequestAborted).ConfigureAwait(false))
                {
                    csv.Append(CsvText.Line(r.Category, r.Name, r.Tickets, r.PublicArticles, r.InternalArticles, r.Views, r.Searches, r.Helpful, r.Deflections, r.Gap));
                }

                break;
        }

        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"{report}-{clock.GetUtcNow():yyyy-MM-dd}.csv");
    }

    /// <summary>A new article linked to the category, titled after what its customers asked most (when they asked).</summary>
    public string StartUrl(TicketCategoryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var parameters = new Dictionary<string, string?> { ["ticketCategory"] = row.Category, ["title"] = _titles.GetValueOrDefault(row.Category) };
        return QueryHelpers.AddQueryString("/studio/edit", parameters.Where(p => p.Value is not null));
    }

    /// <summary>"3 public · 2 internal": customers only ever see the first.</summary>
    public static string ArticleCounts(TicketCategoryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return $"{row.PublicArticles} public · {row.InternalArticles} internal";
    }

    public string TitleOf(string path) => store.Current.Articles.TryGetValue(path, out var article) ? article.Title : path;

    private IReadOnlyList<IGrouping<string, Article>> StaleByOwner() =>
        StaleArticles.ByOwner(store.Current, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
}
