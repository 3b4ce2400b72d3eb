using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.HelpCenter;

/// <summary>
/// Signed-in team members read internal articles on the help center, marked, with an edit link, in pages that no
/// shared cache may keep; visitors, before and after them, get the public pages.
/// </summary>
public sealed class TeamViewTests : IDisposable
{
    private readonly TempDirectory _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
    {
        ["help/_index.md"] = "---\ntitle: Help\n---\n",
        ["help/refunds.md"] = "---\ntitle: Refund a payment\ntags: [refunds]\n---\nRefunds take five days.\n",
        ["help/refund-approval.md"] = "---\ntitle: Refund approval policy\nvisibility: internal\ntags: [refunds]\n---\nManagers approve refunds over 500 euros.\n",
    });

    private readonly KbServerFactory _factory;

    public TeamViewTests() => _factory = new KbServerFactory(_seed.Path);

    [Fact]
    public async Task InternalArticle_IsReadableByTheTeam_MarkedAndPrivate_And404ForVisitors()
    {
        // Arrange
        var author = await StudioSession.NewUserAsync(_factory, "team.author@example.com", KbRoles.Author);
        var visitor = _factory.CreateClient();

        // Act
        var before = await visitor.GetAsync("/help/refund-approval");
        var team = await author.Client.GetAsync("/help/refund-approval");
        var after = await visitor.GetAsync("/help/refund-approval");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, team.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        var page = await Html.ParseAsync(team);
        Assert.NotNull(page.QuerySelector(".internal-banner"));
        Assert.Equal("/studio/edit?path=help%2Frefund-approval", page.QuerySelector("a.article__edit")!.GetAttribute("href"));
        Assert.True(team.Headers.CacheControl!.Private);
        Assert.Contains("Cookie", team.Headers.Vary);
        Assert.DoesNotContain("Manager", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicPage_AfterATeamMembersRequest_IsTheVisitorsPage_WithAnotherETag()
    {
        // Arrange
        var author = await StudioSession.NewUserAsync(_factory, "team.reader@example.com", KbRoles.Author);
        var visitor = _factory.CreateClient();

        // Act: the team member asks first, so a cache keyed by URL alone would hand their page to the visitor.
        var team = await author.Client.GetAsync("/help/refunds");
        var anonymous = await visitor.GetAsync("/help/refunds");
        var revalidated = await visitor.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/help/refunds") { Headers = { IfNoneMatch = { team.Headers.ETag! } } });

        // Assert
        var teamPage = await Html.ParseAsync(team);
        var visitorPage = await Html.ParseAsync(anonymous);
        Assert.NotNull(teamPage.QuerySelector("a.article__edit"));
        Assert.Contains(teamPage.QuerySelectorAll(".related a"), a => a.TextContent == "Refund approval policy");
        Assert.Null(visitorPage.QuerySelector("a.article__edit"));
        Assert.DoesNotContain("Refund approval policy", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(team.Headers.ETag, anonymous.Headers.ETag);
        Assert.True(team.Headers.CacheControl!.Private);
        Assert.True(anonymous.Headers.CacheControl!.Public);
        Assert.Contains("Cookie", anonymous.Headers.Vary);
        Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode); // the team's ETag is no match for the visitor's page
    }

    [Fact]
    public async Task Search_IncludesInternalArticlesForTheTeamOnly_WithAToggle()
    {
        // Arrange
        await _factory.WaitForIndexAsync();
        var author = await StudioSession.NewUserAsync(_factory, "team.searcher@example.com", KbRoles.Author);
        var visitor = StudioSession.Anonymous(_factory);

        // Act
        var team = await author.GetDocumentAsync("/search?q=approve+refunds");
        var customersView = await author.GetDocumentAsync(team.QuerySelector(".search-internal-toggle a")!.GetAttribute("href")!);
        var anonymous = await visitor.GetDocumentAsync("/search?q=approve+refunds&internal=1");
        var teamSuggestions = await author.Client.GetFromJsonAsync<JsonElement>("/api/v1/autocomplete?q=refund");
        var visitorSuggestions = await visitor.Client.GetFromJsonAsync<JsonElement>("/api/v1/autocomplete?q=refund");

        // Assert
        var hit = Assert.Single(team.QuerySelectorAll(".search-result"), r => r.TextContent.Contains("Refund approval policy", StringComparison.Ordinal));
        Assert.NotNull(hit.QuerySelector(".badge-internal"));
        Assert.DoesNotContain("Refund approval policy", customersView.QuerySelector(".search-results")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("Include internal articles", customersView.QuerySelector(".search-internal-toggle")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Refund approval policy", anonymous.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(anonymous.QuerySelector(".search-internal-toggle"));
        Assert.Contains(teamSuggestions.GetProperty("results").EnumerateArray(), r => r.GetProperty("title").GetString() == "Refund approval policy" && r.GetProperty("internal").GetBoolean());
        Assert.DoesNotContain(visitorSuggestions.GetProperty("results").EnumerateArray(), r => r.GetProperty("title").GetString() == "Refund approval policy");
    }

    public void Dispose()
    {
        _factory.Dispose();
        _seed.Dispose();
    }
}
