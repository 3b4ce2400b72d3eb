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
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(page.QuerySelectorAll("svg.chart title"), t => t.TextContent.StartsWith($"{today}: {SampleArticle.ReadAll(Seed.Path).Count} created", StringComparison.Ordinal));
        var editor = await lead.GetDocumentAsync(start);
        var selected = editor.QuerySelectorAll("#ticket-categories option").OfType<IHtmlOptionElement>().Where(o => o.IsSelected).Select(o => o.Value);
        Assert.Equal(["exports"], selected);

        var csv = await lead.Client.GetStringAsync("/studio/reports/support?handler=csv&report=ticket-categories");
        Assert.StartsWith("category,name,tickets,articles,views,searches,helpful,deflections,gap\n", csv, StringComparison.Ordinal);
        Assert.Contains("\"exports\",\"Exporting data\",3,1,0,0,,0,", csv, StringComparison.Ordinal);
        Assert.StartsWith("email,name,created,edited,appreciations\n", await lead.Client.GetStringAsync("/studio/reports/support?handler=csv&report=authors"), StringComparison.Ordinal);
        Assert.StartsWith("owner,path,title,review_by\n", await lead.Client.GetStringAsync("/studio/reports/support?handler=csv&report=stale"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        var response = await StudioSession.Anonymous(Factory).Client.GetAsync("/studio/reports/support");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/studio/login", response.Headers.Location?.PathOnly(), StringComparison.Ordinal);
    }
}
