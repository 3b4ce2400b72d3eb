using System.Net;
using System.Net.Http.Headers;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.Studio;

/// <summary>History, diffs, restore, move and delete through the studio's pages; recent changes and their feed.</summary>
public sealed class HistoryTests : IDisposable
{
    private readonly TempDirectory _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
    {
        ["help/_index.md"] = "---\ntitle: Help\n---\n",
        ["help/refunds.md"] = "---\ntitle: Refunds\n---\nOriginal refund text.\n",
        ["help/cards.md"] = "---\ntitle: Cards\n---\nSee [refunds](refunds.md).\n",
    });

    private readonly KbServerFactory _factory;

    public HistoryTests() => _factory = new KbServerFactory(_seed.Path);

    [Fact]
    public async Task History_Diff_AndRestore_AnOldVersion()
    {
        var author = await StudioSession.NewUserAsync(_factory, "historian@example.com", KbRoles.Author);
        await SaveAsync(author, "help/refunds", "Changed refund text.");

        var history = await author.GetDocumentAsync("/studio/history?path=help/refunds");
        var rows = history.QuerySelectorAll("#history tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Contains("historian", rows[0].TextContent, StringComparison.Ordinal);

        var side = await author.GetDocumentAsync($"/studio/diff?path=help/refunds&from={Commit(history, 1)}&to={Commit(history, 0)}&view=side");
        var inline = await author.GetDocumentAsync($"/studio/diff?path=help/refunds&from={Commit(history, 1)}&to={Commit(history, 0)}&view=inline");
        Assert.Contains(side.QuerySelectorAll("#diff td.del, #diff td.mod"), td => td.TextContent.Contains("Original", StringComparison.Ordinal));
        Assert.Contains(side.QuerySelectorAll("#diff td.ins, #diff td.mod"), td => td.TextContent.Contains("Changed", StringComparison.Ordinal));
        Assert.Contains(inline.QuerySelectorAll("#diff tr.del"), tr => tr.TextContent.Contains("Original", StringComparison.Ordinal));
        Assert.Contains(inline.QuerySelectorAll("#diff tr.ins"), tr => tr.TextContent.Contains("Changed", StringComparison.Ordinal));

        var old = $"/studio/revision?path=help/refunds&commit={Commit(history, 1)}";
        Assert.Contains("Original refund text.", (await author.GetDocumentAsync(old)).QuerySelector("#rendered")!.TextContent, StringComparison.Ordinal);
        var restored = await author.SubmitAsync(old, "form[action*='handler=Restore']", []);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Contains("Original refund text.", await _factory.CreateClient().GetStringAsync("/help/refunds"), StringComparison.Ordinal);
        Assert.Equal(3, (await author.GetDocumentAsync("/studio/history?path=help/refunds")).QuerySelectorAll("#history tbody tr").Length);
    }

    [Fact]
    public async Task Move_KeepsTheOldUrlWorking_AndUpdatesLinks()
    {
        var author = await StudioSession.NewUserAsync(_factory, "mover@example.com", KbRoles.Author);

        var moved = await author.SubmitAsync("/studio/move?path=help/refunds", "form.card", new() { ["To"] = "help/refunds-and-returns" });

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var visitor = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var old = await visitor.GetAsync("/help/refunds");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/help/refunds-and-returns", old.Headers.Location!.PathOnly());
        Assert.Contains("href=\"/help/refunds-and-returns\"", await visitor.GetStringAsync("/help/cards"), StringComparison.Ordinal);
        Assert.Equal(2, (await author.GetDocumentAsync("/studio/history?path=help/refunds-and-returns")).QuerySelectorAll("#history tbody tr").Length);
    }

    [Theory]
    [InlineData("help/CON", "reserved device name")]
    [InlineData("GIT~1/config", "abbreviates `.git`")]
    [InlineData("help/-rf", "starts with a dash")]
    [InlineData("help/refunds.", "ends with a dot")]
    [InlineData("help/zero\u200Bwidth", "invisible")]
    [InlineData("help/cafe\u0301", "NFC")]
    [InlineData("Help/cards-and-more", "only by letter case")]
    public async Task Move_ToANameThatBreaksClones_IsRefusedAtTheField_AndMovesNothing(string to, string reason)
    {
        var author = await StudioSession.NewUserAsync(_factory, "careful.mover@example.com", KbRoles.Author);
        var tip = Git.Run(_factory.RepositoryPath, "rev-parse", "main");

        var refused = await author.SubmitAsync("/studio/move?path=help/refunds", "form.card", new() { ["To"] = to });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var dom = await Html.ParseAsync(refused);
        Assert.Contains(reason, dom.QuerySelector("[data-valmsg-for='To']")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(tip, Git.Run(_factory.RepositoryPath, "rev-parse", "main"));
    }

    [Fact]
    public async Task Delete_AsksFirst_AndTheArticleCanBeRestoredFromHistory()
    {
        var author = await StudioSession.NewUserAsync(_factory, "deleter@example.com", KbRoles.Author);

        var ask = await author.GetDocumentAsync("/studio/delete?path=help/refunds");
        Assert.Contains("Cards", ask.QuerySelector(".alert.warn")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _factory.CreateClient().GetAsync("/help/refunds")).StatusCode);

        var deleted = await author.SubmitAsync("/studio/delete?path=help/refunds", "form.card", new() { ["Message"] = "Outdated" });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClient().GetAsync("/help/refunds")).StatusCode);

        var history = await author.GetDocumentAsync("/studio/history?path=help/refunds");
        var view = history.QuerySelectorAll("#history a").First(a => a.TextContent == "View").GetAttribute("href")!;
        var restored = await author.SubmitAsync(view, "form[action*='handler=Restore']", []);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _factory.CreateClient().GetAsync("/help/refunds")).StatusCode);
    }

    [Fact]
    public async Task RecentChanges_PageAndAtomFeed_ForTheTeamOnly()
    {
        var author = await StudioSession.NewUserAsync(_factory, "feeder@example.com", KbRoles.Author);
        await SaveAsync(author, "help/cards", "Card text for the feed.");

        var page = await author.GetDocumentAsync("/studio/recent");
        Assert.Contains("Update Cards", page.QuerySelector("#recent tbody tr")!.TextContent, StringComparison.Ordinal);

        // The seed commit added folder settings (_index.md) with the articles: named as files, never as "removed" articles.
        var seed = page.QuerySelectorAll("#recent tbody tr")[^1];
        Assert.DoesNotContain("removed or moved", seed.TextContent, StringComparison.Ordinal);
        Assert.Contains(seed.QuerySelectorAll("code.path"), c => c.TextContent == "help/_index.md");

        var anonymous = await _factory.CreateClient().GetAsync("/studio/recent.atom");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.StartsWith("Basic", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        var user = await StudioSession.CreateUserAsync(_factory, "reader.feed@example.com", KbRoles.Author);
        var token = await ApiTokens.ForAsync(_factory, user, TokenScopes.ArticlesRead);
        var reader = _factory.CreateClient();
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("anyone:" + token)));
        var feed = await reader.GetAsync("/studio/recent.atom");
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
        var xml = System.Xml.Linq.XDocument.Parse(await feed.Content.ReadAsStringAsync());
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal("Update Cards", xml.Root!.Elements(atom + "entry").First().Element(atom + "title")!.Value);
    }

    private static string Commit(AngleSharp.Html.Dom.IHtmlDocument history, int row) =>
        history.QuerySelectorAll("#history tbody tr")[row].QuerySelector("input[name=to]")!.GetAttribute("value")!;

    private static async Task SaveAsync(StudioSession session, string path, string body)
    {
        var saved = await session.SubmitAsync("/studio/edit?path=" + path, "form.editor", new() { ["Form.Body"] = body });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _seed.Dispose();
    }
}
