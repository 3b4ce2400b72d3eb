using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.Support;

/// <summary>The studio's support report: the gap table, "write this next" with a pre-linked new article, CSVs.</summary>
public sealed class SupportReportPageTests : SupportServer
{
    [Fact]
    public async Task WriteThisNext_StartsAnArticleLinkedToTheCategory_AndEveryReportDownloadsAsCsv()
    {
        var events = await ApiTokens.ClientAsync(Factory, "helpdesk@example.com", KbRoles.Author, TokenScopes.Events);
        for (var i = 0; i < 3; i++)
        {
            (await events.PostAsJsonAsync("/api/v1/ticket-events", new { id = $"x{i}", type = "ticket.created", ticketId = $"X{i}", category = "exports" })).EnsureSuccessStatusCode();
        }

        var lead = await StudioSession.NewUserAsync(Factory, "lead@example.com", KbRoles.Admin);

        var page = await lead.GetDocumentAsync("/studio/reports/support");

        var first = page.QuerySelector("#write-next li")!;
        Assert.Contains("Exporting data", first.TextContent, StringComparison.Ordinal);
        var start = first.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal("/studio/edit?ticketCategory=exports", start);
        Assert.Equal("3", page.QuerySelector("#ticket-categories tr[data-category=exports] td:nth-child(2)")!.TextContent);
        Assert.Equal("last 7 days", page.QuerySelector("#authoring .legend .muted")!.TextContent);
        Assert.Equal(7, page.QuerySelectorAll("#authoring svg.chart g").Length);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(page.QuerySelectorAll("svg.chart title"), t => t.TextContent.StartsWith($"{today}: {SampleArticle.ReadAll(Seed.Path).Count} created", StringComparison.Ordinal));
        Assert.Contains("Exporting data: 3 tickets", page.QuerySelector("svg.chart[role=img]")!.GetAttribute("aria-label"), StringComparison.Ordinal);
        var authoringRows = page.QuerySelectorAll("#authoring .chart-data tbody tr");
        Assert.Equal(7, authoringRows.Length);
        Assert.Equal(today, authoringRows[^1].QuerySelector("th")!.TextContent);
        Assert.Equal(SampleArticle.ReadAll(Seed.Path).Count.ToString(System.Globalization.CultureInfo.InvariantCulture), authoringRows[^1].QuerySelectorAll("td")[1].TextContent);
        var editor = await lead.GetDocumentAsync(start);
        var selected = editor.QuerySelectorAll("#ticket-categories option").OfType<IHtmlOptionElement>().Where(o => o.IsSelected).Select(o => o.Value);
        Assert.Equal(["exports"], selected);

        var csv = await lead.Client.GetStringAsync("/studio/reports/support?handler=csv&report=ticket-categories");
        Assert.StartsWith("category,name,tickets,public_articles,internal_articles,views,searches,helpful,deflections,gap\n", csv, StringComparison.Ordinal);
        Assert.Contains("\"exports\",\"Exporting data\",3,1,0,0,0,,0,", csv, StringComparison.Ordinal);
        Assert.Contains("\"billing\",\"Billing questions\",0,3,1,", csv, StringComparison.Ordinal);
        Assert.StartsWith("email,name,created,edited,appreciations\n", await lead.Client.GetStringAsync("/studio/reports/support?handler=csv&report=authors"), StringComparison.Ordinal);
        Assert.StartsWith("owner,path,title,review_by\n", await lead.Client.GetStringAsync("/studio/reports/support?handler=csv&report=stale"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteThisNext_CountsPublicAndInternalApart_AndTitlesTheArticleAfterWhatCustomersAsked()
    {
        // Arrange: billing has three public articles and an internal one; tickets arrive for it and for exports, and
        // customers write about exports through the contact page (one subject twice, typed two ways, with markup).
        var events = await ApiTokens.ClientAsync(Factory, "helpdesk@example.com", KbRoles.Author, TokenScopes.Events);
        for (var i = 0; i < 6; i++)
        {
            var category = i < 4 ? "exports" : "billing";
            (await events.PostAsJsonAsync("/api/v1/ticket-events", new { id = $"t{i}", type = "ticket.created", ticketId = $"T{i}", category })).EnsureSuccessStatusCode();
        }

        var visitor = StudioSession.Anonymous(Factory);
        foreach (var subject in new[] { "EXPORT TO CSV <B>FAILS</B> & HANGS", "export to csv <b>fails</b> &  hangs", "Where did my export go?" })
        {
            var sent = await visitor.SubmitAsync("/contact", "form[data-contact-form]", new() { ["subject"] = subject, ["description"] = "Please help.", ["email"] = "ann@example.com", ["category"] = "exports", ["action"] = "send" });
            Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        }

        var lead = await StudioSession.NewUserAsync(Factory, "lead@example.com", KbRoles.Admin);

        // Act
        var page = await lead.GetDocumentAsync("/studio/reports/support");
        var start = page.QuerySelector("#write-next li[data-category=exports] a")!.GetAttribute("href")!;
        var editor = await lead.GetDocumentAsync(start);

        // Assert
        Assert.Equal("3 public · 1 internal", page.QuerySelector("#write-next li[data-category=billing] .article-counts")!.TextContent);
        Assert.Equal("1 public · 0 internal", page.QuerySelector("#write-next li[data-category=exports] .article-counts")!.TextContent);
        var billing = page.QuerySelector("#ticket-categories tr[data-category=billing]")!.QuerySelectorAll("td").Select(td => td.TextContent).ToArray();
        Assert.Equal(("3", "1"), (billing[2], billing[3]));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + start).Query);
        Assert.Equal("exports", query["ticketCategory"]);
        Assert.Equal("Export to CSV <b>fails</b> & hangs", query["title"]);
        Assert.Equal("Export to CSV <b>fails</b> & hangs", ((IHtmlInputElement)editor.QuerySelector("#title")!).Value);
        Assert.DoesNotContain(editor.QuerySelectorAll("b"), b => b.TextContent == "fails");
        Assert.Equal(["exports"], editor.QuerySelectorAll("#ticket-categories option").OfType<IHtmlOptionElement>().Where(o => o.IsSelected).Select(o => o.Value));
    }

    [Fact]
    public async Task Editor_TitleFromTheAddress_IsOneLineAndNoLongerThanATitleMayBe()
    {
        var author = await StudioSession.NewUserAsync(Factory, "author@example.com", KbRoles.Author);

        var editor = await author.GetDocumentAsync("/studio/edit?title=" + Uri.EscapeDataString("Line one\nline\ttwo " + new string('x', 400)));

        var title = ((IHtmlInputElement)editor.QuerySelector("#title")!).Value;
        Assert.StartsWith("Line one line two xxx", title, StringComparison.Ordinal);
        Assert.Equal(KbCore.Articles.ArticleForm.MaxTitleLength, title.Length);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        var response = await StudioSession.Anonymous(Factory).Client.GetAsync("/studio/reports/support");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/studio/login", response.Headers.Location?.PathOnly(), StringComparison.Ordinal);
    }
}
