using System.Net;
using AngleSharp.Html.Dom;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.Studio;

/// <summary>The studio's article tree: every article for the team, grouped by folder, narrowed by GET filters.</summary>
public sealed class ArticleTreeTests : IDisposable
{
    private const string Url = "/studio/articles";

    // Review dates far in the past and future, so "stale" does not depend on the day the tests run.
    private readonly TempDirectory _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
    {
        ["ticket-categories.yml"] = "categories:\n  - id: refunds\n    name: Refund requests\n  - id: payroll\n    name: Payroll\n",
        ["billing/_index.md"] = "---\ntitle: Billing\n---\n",
        ["billing/refunds.md"] = "---\ntitle: Refund a payment\ntags: [payments, refunds]\nticket_categories: [refunds]\nowner: maria@example.com\nreview_by: 2020-01-31\n---\nRefunds.\n",
        ["billing/payroll-runbook.md"] = "---\ntitle: Payroll runbook\ntags: [payments]\nticket_categories: [refunds, payroll]\nvisibility: internal\nowner: maria@example.com\n---\nSteps.\n",
        ["billing/invoices/_index.md"] = "---\ntitle: Invoices\n---\n",
        ["billing/invoices/recurring.md"] = "---\ntitle: Set up a recurring invoice\ntags: [invoices]\nowner: tom@example.com\nreview_by: 2099-12-31\n---\nSchedules.\n",
        ["team/_index.md"] = "---\ntitle: Team only\nvisibility: internal\n---\n",
        ["team/on-call.md"] = "---\ntitle: On-call rota\nowner: sam@example.com\nreview_by: 2021-06-30\n---\nWho is on call.\n",
        ["getting-started/_index.md"] = "---\ntitle: Getting started\n---\n",
        ["getting-started/welcome.md"] = "---\ntitle: Welcome aboard\ntags: [basics]\n---\nHello.\n",
    });

    private readonly KbServerFactory _factory;

    public ArticleTreeTests() => _factory = new KbServerFactory(_seed.Path);

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        // Act
        var response = await StudioSession.Anonymous(_factory).Client.GetAsync(Url + "?visibility=internal");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/studio/login", response.Headers.Location!.PathOnly(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryArticle_IncludingInternalOnes_IsListedForTheTeam_GroupedByFolder()
    {
        // Arrange
        var author = await StudioSession.NewUserAsync(_factory, "tree@example.com", KbRoles.Author);

        // Act
        var page = await author.GetDocumentAsync(Url);

        // Assert
        Assert.Equal(
            ["billing/payroll-runbook", "billing/refunds", "billing/invoices/recurring", "getting-started/welcome", "team/on-call"],
            Paths(page).ToArray());
        Assert.Contains("5 of 5 articles", Html.Words(page.QuerySelector("#article-count")!.TextContent), StringComparison.Ordinal);
        Assert.Equal(["billing", "billing/invoices", "getting-started", "team"], page.QuerySelectorAll("#article-tree tbody").Select(b => b.GetAttribute("data-folder")!).ToArray());

        var runbook = Row(page, "billing/payroll-runbook");
        Assert.Equal("/studio/edit?path=billing%2Fpayroll-runbook", runbook.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Payroll runbook", runbook.QuerySelector("a")!.TextContent);
        Assert.Equal("Internal", runbook.QuerySelector(".badge")!.TextContent);
        Assert.Equal("/billing/payroll-runbook", runbook.QuerySelector("a.public-link")!.GetAttribute("href")); // the team reads internal ones on the help center too
        Assert.Contains("maria@example.com", runbook.TextContent, StringComparison.Ordinal);

        // Internal by its folder's _index.md, though the article itself says nothing.
        var onCall = Row(page, "team/on-call");
        Assert.StartsWith("Internal", onCall.QuerySelector(".badge")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/team/on-call", onCall.QuerySelector("a.public-link")!.GetAttribute("href"));

        var refunds = Row(page, "billing/refunds");
        Assert.Equal("Public", refunds.QuerySelector(".badge")!.TextContent);
        Assert.Equal("/billing/refunds", refunds.QuerySelector("a.public-link")!.GetAttribute("href"));
        Assert.Equal(["payments", "refunds"], refunds.QuerySelectorAll("a.tag").Select(t => t.TextContent).ToArray());
        Assert.Equal("/studio/edit", page.QuerySelector("#new-article")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Filters_NarrowTheList()
    {
        // Arrange
        var author = await StudioSession.NewUserAsync(_factory, "filters@example.com", KbRoles.Author);
        var cases = new (string Query, string[] Expected)[]
        {
            ("category=billing", ["billing/invoices/recurring", "billing/payroll-runbook", "billing/refunds"]),
            ("category=team", ["team/on-call"]),
            ("tag=payments", ["billing/payroll-runbook", "billing/refunds"]),
            ("tag=PAYMENTS", ["billing/payroll-runbook", "billing/refunds"]),
            ("visibility=internal", ["billing/payroll-runbook", "team/on-call"]),
            ("visibility=public", ["billing/invoices/recurring", "billing/refunds", "getting-started/welcome"]),
            ("owner=maria%40example.com", ["billing/payroll-runbook", "billing/refunds"]),
            ("stale=true", ["billing/refunds", "team/on-call"]),
            ("q=recurr", ["billing/invoices/recurring"]),
            ("q=ON-CALL+rota", ["team/on-call"]),
            ("q=getting-started%2F", ["getting-started/welcome"]),
            ("category=billing&visibility=public&stale=true", ["billing/refunds"]),
            ("tag=basics&visibility=internal", []),
            ("ticket=refunds", ["billing/payroll-runbook", "billing/refunds"]),
            ("ticket=refunds&visibility=public", ["billing/refunds"]),
            ("ticket=payroll", ["billing/payroll-runbook"]),
            ("ticket=unknown-id", []),
        };

        foreach (var (query, expected) in cases)
        {
            // Act
            var page = await author.GetDocumentAsync($"{Url}?{query}");

            // Assert
            Assert.Equal((query, string.Join(", ", expected)), (query, string.Join(", ", Paths(page).Order(StringComparer.Ordinal))));
            Assert.Contains($"{expected.Length} of 5 articles", Html.Words(page.QuerySelector("#article-count")!.TextContent), StringComparison.Ordinal);
            Assert.True(expected.Length > 0 || page.QuerySelector("#no-match") is not null, query);
        }
    }

    [Fact]
    public async Task FilterForm_WorksWithoutJavaScript_KeepsItsValues_AndOffersANewArticleInTheCategory()
    {
        // Arrange
        var author = await StudioSession.NewUserAsync(_factory, "form@example.com", KbRoles.Author);
        var form = (IHtmlFormElement)(await author.GetDocumentAsync(Url)).QuerySelector("form#article-filters")!;
        Assert.Equal("get", form.Method, ignoreCase: true);

        // Act: what a browser sends for this form with a category chosen and "needs review only" ticked.
        var page = await author.GetDocumentAsync(Url + "?" + QueryOf(form, new() { ["category"] = "billing", ["ticket"] = "refunds", ["stale"] = "true" }));

        // Assert
        Assert.Equal(["billing/refunds"], Paths(page).ToArray());
        Assert.Equal("billing", ((IHtmlSelectElement)page.QuerySelector("#filter-category")!).Value);
        Assert.Equal("refunds", ((IHtmlSelectElement)page.QuerySelector("#filter-ticket")!).Value);
        Assert.Equal(["", "refunds", "payroll"], page.QuerySelectorAll("#filter-ticket option").Select(o => o.GetAttribute("value")!).ToArray());
        Assert.True(((IHtmlInputElement)page.QuerySelector("#filter-stale")!).IsChecked);
        Assert.Equal("/studio/edit?folder=billing", page.QuerySelector("#new-article")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#clear-filters"));
    }

    [Fact]
    public async Task PassedReviewDates_AreHighlightedAsStale_FutureOnesAreNot()
    {
        // Arrange
        var author = await StudioSession.NewUserAsync(_factory, "stale@example.com", KbRoles.Author);

        // Act
        var page = await author.GetDocumentAsync(Url);

        // Assert
        var refunds = Row(page, "billing/refunds");
        Assert.Contains("stale", refunds.ClassList);
        Assert.Equal("2020-01-31", refunds.QuerySelector(".review-by time")!.TextContent);
        Assert.NotNull(refunds.QuerySelector(".review-by .badge"));
        var recurring = Row(page, "billing/invoices/recurring");
        Assert.DoesNotContain("stale", recurring.ClassList);
        Assert.Null(recurring.QuerySelector(".review-by .badge"));
        Assert.Contains("2 need review", Html.Words(page.QuerySelector("#article-count")!.TextContent), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _seed.Dispose();
    }

    private static IEnumerable<string> Paths(IHtmlDocument page) =>
        page.QuerySelectorAll("#article-tree tr.tree-article").Select(r => r.GetAttribute("data-path")!);

    private static AngleSharp.Dom.IElement Row(IHtmlDocument page, string path) =>
        page.QuerySelector($"#article-tree tr[data-path='{path}']") ?? throw new InvalidOperationException($"No row for {path}");

    /// <summary>The query string a browser builds from a GET form: every named field, the caller's values on top.</summary>
    private static string QueryOf(IHtmlFormElement form, Dictionary<string, string> values)
    {
        var fields = StudioSession.FieldsOf(form, values);

        // Only names the form really has: a filter the page does not offer is not a filter a person can use.
        Assert.All(values.Keys, name => Assert.NotNull(form.Elements[name]));
        fields.AddRange(values);
        return string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
    }
}
