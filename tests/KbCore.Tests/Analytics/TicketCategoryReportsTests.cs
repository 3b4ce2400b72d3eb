using KbCore.Analytics;
using KbCore.Contact;
using KbCore.Tests.Data;
using KbCore.Tests.Infrastructure;
using KbCore.TicketCategories;

namespace KbCore.Tests.Analytics;

/// <summary>The gap report on a real repository and a real SQLite file: what customers see covers, and what they asked names the next article.</summary>
public sealed class TicketCategoryReportsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _db = new();
    private readonly TempGitRepo _git = TempGitRepo.CreateBare();
    private readonly TicketCategoryReports _reports;

    public TicketCategoryReportsTests()
    {
        _git.Commit(new Dictionary<string, string?>
        {
            ["ticket-categories.yml"] = "categories:\n  - id: exports\n    name: Exporting data\n  - id: payouts\n    name: Payouts\n  - id: taxes\n    name: Taxes\n",
            ["help/export-csv.md"] = "---\ntitle: Export your data as CSV\nticket_categories: [exports]\n---\nUse the export button.\n",
            ["help/connect-paypal.md"] = "---\ntitle: Connect PayPal to your account\nticket_categories: [exports]\n---\nConnect it.\n",
            ["help/export-runbook.md"] = "---\ntitle: Export runbook\nvisibility: internal\nticket_categories: [exports]\n---\nFor agents.\n",
            ["help/payout-runbook.md"] = "---\ntitle: Payout runbook\nvisibility: internal\nticket_categories: [payouts]\n---\nFor agents.\n",
            ["help/payout-escalation.md"] = "---\ntitle: Payout escalation\nvisibility: internal\nticket_categories: [payouts]\n---\nFor agents.\n",
        });
        _reports = new TicketCategoryReports(_db, TestContent.Store(_git.Path), new FixedClock(Now));
    }

    [Fact]
    public async Task BuildAsync_CountsPublicAndInternalApart_AndOnlyPublicArticlesCoverTheGap()
    {
        // Arrange: four tickets each for payouts (two internal articles) and taxes (none).
        await _db.MigrateAsync();
        await using (var db = _db.CreateDbContext())
        {
            for (var i = 0; i < 4; i++)
            {
                db.TicketEvents.Add(Created($"p{i}", "payouts"));
                db.TicketEvents.Add(Created($"t{i}", "taxes"));
            }

            await db.SaveChangesAsync();
        }

        // Act
        var rows = await _reports.BuildAsync(30, CancellationToken.None);

        // Assert
        var exports = rows.Single(r => r.Category == "exports");
        var payouts = rows.Single(r => r.Category == "payouts");
        var taxes = rows.Single(r => r.Category == "taxes");
        Assert.Equal((2, 1, 3), (exports.PublicArticles, exports.InternalArticles, exports.Articles));
        Assert.Equal((0, 2), (payouts.PublicArticles, payouts.InternalArticles));
        Assert.Equal(4.0, payouts.Gap);
        Assert.Equal(taxes.Gap, payouts.Gap);
    }

    [Fact]
    public async Task SuggestTitlesAsync_TakesTheMostFrequentSubject_ElseTheMostFrequentSearch_SensiblyCased()
    {
        // Arrange: exports has contact requests (two spellings of one subject beat another, an old one is out of the
        // period) and searches; payouts has a search whose first result is one of its internal articles, which no
        // customer searched for, so it counts for nothing; taxes has neither.
        await _db.MigrateAsync();
        var at = Now.UtcDateTime.AddHours(-1);
        await using (var db = _db.CreateDbContext())
        {
            db.ContactRequests.AddRange(
                Request("EXPORT TO CSV FAILS", "exports", at),
                Request("export to  csv fails", "exports", at),
                Request("Where is my paypal payout?", "exports", at),
                Request("Old question", "exports", at.AddDays(-60)));
            db.SearchLog.AddRange(
                Search("paypal export", "help/connect-paypal", at),
                Search("paypal export", "help/connect-paypal", at),
                Search("csv export", "help/export-csv", at),
                Search("payout runbook", "help/payout-runbook", at));
            await db.SaveChangesAsync();
        }

        // Act
        var titles = await _reports.SuggestTitlesAsync(["exports", "payouts", "taxes"], 30, CancellationToken.None);
        await using (var db = _db.CreateDbContext())
        {
            db.ContactRequests.RemoveRange(db.ContactRequests);
            await db.SaveChangesAsync();
        }

        var fromSearches = await _reports.SuggestTitlesAsync(["exports"], 30, CancellationToken.None);

        // Assert
        Assert.Equal(new Dictionary<string, string> { ["exports"] = "Export to CSV fails" }, titles);
        Assert.Equal("PayPal export", fromSearches["exports"]);
    }

    public void Dispose()
    {
        _db.Dispose();
        _git.Dispose();
    }

    private static TicketEvent Created(string id, string category) => new()
    {
        EventId = "kb:" + id, Type = TicketEventTypes.Created, TicketId = id, Category = category, OccurredAt = Now.UtcDateTime, ReceivedAt = Now.UtcDateTime,
    };

    private static ContactRequest Request(string subject, string category, DateTime at) => new()
    {
        DeliveryId = Guid.NewGuid().ToString("N"), At = at, Email = "c@example.com", Subject = subject, Description = "d", Category = category,
    };

    private static SearchLogEntry Search(string query, string topPath, DateTime at) => new() { At = at, Query = query, ResultCount = 3, Source = "page", TopPath = topPath };
}
