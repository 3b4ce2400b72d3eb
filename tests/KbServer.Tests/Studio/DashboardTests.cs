using System.Net;
using AngleSharp.Html.Dom;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.Studio;

/// <summary>The studio dashboard: the person's drafts and edits, what needs review, and the team's changes.</summary>
public sealed class DashboardTests : IDisposable
{
    private readonly TempDirectory _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
    {
        ["help/_index.md"] = "---\ntitle: Help\n---\n",
        ["help/refunds.md"] = "---\ntitle: Refund a payment\nowner: maria@example.com\nreview_by: 2099-01-31\n---\nRefunds take five days.\n",
        ["help/old-prices.md"] = "---\ntitle: Price list 2019\nowner: tom@example.com\nreview_by: 2020-03-01\n---\nPrices.\n",
        ["help/older-fees.md"] = "---\ntitle: Card fees 2018\nreview_by: 2019-05-01\n---\nFees.\n",
        ["help/current.md"] = "---\ntitle: Current plans\n---\nPlans.\n",
    });

    private readonly KbServerFactory _factory;

    public DashboardTests() => _factory = new KbServerFactory(_seed.Path);

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        // Act
        var response = await StudioSession.Anonymous(_factory).Client.GetAsync("/studio");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/studio/login", response.Headers.Location!.PathOnly(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowsMyDrafts_MyEdits_StaleArticlesOldestFirst_AndTheTeamsChangesByTitle()
    {
        // Arrange: a saved new article, then a draft of an existing article and one of a new article (saving a new
        // article discards the new-article draft, so the drafts come after), and a colleague's save.
        var ana = await StudioSession.NewUserAsync(_factory, "ana@example.com", KbRoles.Author);
        var ben = await StudioSession.NewUserAsync(_factory, "ben@example.com", KbRoles.Author);
        var saved = await ana.SubmitAsync("/studio/edit", "form.editor", new() { ["Path"] = "help/chargebacks", ["Form.Title"] = "Handle a chargeback", ["Form.Body"] = "Answer within 7 days.", ["Message"] = "Explain chargebacks" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var draft = await ana.SubmitAsync("/studio/edit?path=help%2Frefunds", "form.editor", new() { ["Form.Body"] = "Refunds take three days now." }, handler: "Draft");
        Assert.Equal(HttpStatusCode.NoContent, draft.StatusCode);
        var newDraft = await ana.SubmitAsync("/studio/edit", "form.editor", new() { ["Form.Title"] = "Half an idea", ["Form.Body"] = "Something about" }, handler: "Draft");
        Assert.Equal(HttpStatusCode.NoContent, newDraft.StatusCode);
        var bens = await ben.SubmitAsync("/studio/edit?path=help%2Fcurrent", "form.editor", new() { ["Form.Body"] = "Plans, updated.", ["Message"] = "Update plans" });
        Assert.Equal(HttpStatusCode.Redirect, bens.StatusCode);

        // Act
        var page = await ana.GetDocumentAsync("/studio");

        // Assert
        var drafts = page.QuerySelector("#my-drafts")!;
        Assert.Equal("Refund a payment", Link(drafts, "/studio/edit?path=help%2Frefunds").TextContent);
        Assert.Equal("Half an idea", Link(drafts, "/studio/edit").TextContent);
        Assert.Equal(2, drafts.QuerySelectorAll("tbody time").Length);

        var edits = page.QuerySelector("#my-edits")!;
        Assert.Contains("Explain chargebacks", edits.TextContent, StringComparison.Ordinal);
        Assert.Equal("Handle a chargeback", Link(edits, "/studio/edit?path=help%2Fchargebacks").TextContent);
        Assert.DoesNotContain("Update plans", edits.TextContent, StringComparison.Ordinal);

        var review = page.QuerySelector("#needs-review")!;
        Assert.Equal(["help/older-fees", "help/old-prices"], review.QuerySelectorAll("tr[data-path]").Select(r => r.GetAttribute("data-path")!).ToArray());
        Assert.Contains("tom@example.com", review.QuerySelector("tr[data-path='help/old-prices']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No owner", review.QuerySelector("tr[data-path='help/older-fees']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(review.QuerySelector("tr[data-path='help/refunds']"));

        var team = page.QuerySelector("#team-changes")!;
        var rows = team.QuerySelectorAll("tbody tr").ToArray();
        Assert.Contains("Update plans", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("Current plans", Link(rows[0], "/studio/edit?path=help%2Fcurrent").TextContent);
        Assert.Contains("Explain chargebacks", rows[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewcomer_SeesEmptyStatesThatSayWhatToDo()
    {
        // Arrange
        var newcomer = await StudioSession.NewUserAsync(_factory, "new@example.com", KbRoles.Author);

        // Act
        var page = await newcomer.GetDocumentAsync("/studio");

        // Assert
        Assert.Contains("No unsaved drafts", page.QuerySelector("#my-drafts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("You have not saved anything yet", page.QuerySelector("#my-edits")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#my-edits a[href='/studio/edit']"));
        Assert.Equal(2, page.QuerySelectorAll("#needs-review tr[data-path]").Length);
        Assert.Single(page.QuerySelectorAll("#team-changes tbody tr"));
    }

    [Fact]
    public async Task TeamChanges_NameArticlesOfEveryMarkdownSpelling_ByTitle()
    {
        // Arrange: the help center serves Guide.MD and notes.markdown as articles; the dashboard must say so too.
        using var seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
        {
            ["help/Guide.MD"] = "---\ntitle: Upper-case guide\n---\nBody.\n",
            ["help/notes.markdown"] = "---\ntitle: Long-extension notes\n---\nBody.\n",
        });
        using var factory = new KbServerFactory(seed.Path);
        var author = await StudioSession.NewUserAsync(factory, "case@example.com", KbRoles.Author);

        // Act
        var page = await author.GetDocumentAsync("/studio");

        // Assert
        var team = page.QuerySelector("#team-changes")!;
        Assert.Equal("Upper-case guide", Link(team, "/studio/edit?path=help%2FGuide").TextContent);
        Assert.Equal("Long-extension notes", Link(team, "/studio/edit?path=help%2Fnotes").TextContent);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _seed.Dispose();
    }

    private static IHtmlAnchorElement Link(AngleSharp.Dom.IElement scope, string href) =>
        scope.QuerySelectorAll("a").OfType<IHtmlAnchorElement>().SingleOrDefault(a => a.GetAttribute("href") == href)
        ?? throw new InvalidOperationException($"No link to {href} in: {scope.InnerHtml}");
}
