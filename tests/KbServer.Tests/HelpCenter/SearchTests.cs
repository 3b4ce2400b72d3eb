using System.Net;
using System.Text.Json;
using KbCore.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.HelpCenter;

/// <summary>Search over HTTP: the help-center page and the JSON API, on a purpose-built repository.</summary>
public sealed class SearchTests : IDisposable
{
    private readonly TempDirectory _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
    {
        ["help/_index.md"] = "---\ntitle: Help\n---\n",
        ["help/recurring.md"] = "---\ntitle: Set up a recurring invoice\ntags: [invoices]\n---\nRecurring invoices go out on a schedule.\n",
        ["help/refunds.md"] = "---\ntitle: Refund a payment\ntags: [payments]\n---\nRefunds take five days.\n",
        ["team/_index.md"] = "---\ntitle: Team\n---\n",
        ["team/secret.md"] = "---\ntitle: Wombatword payroll runbook\ntags: [wombatword]\nvisibility: internal\n---\nWombatword steps.\n",
    });

    private readonly KbServerFactory _factory;

    public SearchTests() => _factory = new KbServerFactory(_seed.Path);

    [Fact]
    public async Task Api_Search_ReturnsRankedResultsWithSnippetsAndFacets()
    {
        await _factory.WaitForIndexAsync();

        using var json = JsonDocument.Parse(await _factory.CreateClient().GetStringAsync("/api/v1/search?q=recuring+invoce"));

        var root = json.RootElement;
        Assert.True(root.GetProperty("total").GetInt32() >= 1);
        var first = root.GetProperty("results")[0];
        Assert.Equal("help/recurring", first.GetProperty("path").GetString());
        Assert.Equal("/help/recurring", first.GetProperty("url").GetString());
        Assert.Contains("<mark>", first.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.True(root.GetProperty("facets").TryGetProperty("tag", out _));
    }

    [Fact]
    public async Task InternalArticle_LeavesNoTraceInSearchAutocompleteOrThePage()
    {
        await _factory.WaitForIndexAsync();
        var client = _factory.CreateClient();

        var api = await client.GetStringAsync("/api/v1/search?q=wombatword");
        var complete = await client.GetStringAsync("/api/v1/autocomplete?q=wombat");
        var facet = await client.GetStringAsync("/api/v1/search?q=payroll&tag=wombatword");
        var page = await client.GetStringAsync("/search?q=wombatword");

        Assert.Contains("\"total\":0", api, StringComparison.Ordinal);
        Assert.DoesNotContain("ombatword", complete, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"total\":0", facet, StringComparison.Ordinal);
        Assert.DoesNotContain("payroll", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("team/secret", api + complete + facet + page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostileQueries.Encoded), MemberType = typeof(HostileQueries))]
    public async Task HostileQueries_NeverAServerError(string encoded)
    {
        await _factory.WaitForIndexAsync();
        var client = _factory.CreateClient();

        foreach (var url in new[] { "/search?q=", "/api/v1/search?q=", "/api/v1/autocomplete?q=" })
        {
            var response = await client.GetAsync(url + encoded);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task OverlongQuery_IsAClear400()
    {
        var client = _factory.CreateClient();
        var query = new string('a', 1000);

        var api = await client.GetAsync("/api/v1/search?q=" + query);
        var page = await client.GetAsync("/search?q=" + query);

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.Contains("500 characters", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
    }

    [Fact]
    public async Task SearchPage_ShowsResultsWithMarkedSnippets()
    {
        await _factory.WaitForIndexAsync();

        var doc = await Html.ParseAsync(await _factory.CreateClient().GetAsync("/search?q=refunds"));

        var result = doc.QuerySelector(".search-result a")!;
        Assert.Equal("/search/click?q=refunds&to=%2Fhelp%2Frefunds", result.GetAttribute("href"));
        Assert.NotNull(doc.QuerySelector(".search-result mark"));
        Assert.Single(doc.QuerySelectorAll("h1"));
    }

    [Fact]
    public async Task Searches_AndTheResultClicked_AreLoggedWithoutPersonalData()
    {
        // Arrange
        await _factory.WaitForIndexAsync();
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });

        // Act
        await client.GetAsync("/search?q=Refunds%20%20TAKE");
        await client.GetAsync("/api/v1/search?q=zzzqqq");
        var click = await client.GetAsync("/search/click?q=refunds+take&to=%2Fhelp%2Frefunds");
        var hostile = await client.GetAsync("/search/click?q=x&to=https%3A%2F%2Fevil.example%2F");
        var hidden = await client.GetAsync("/search/click?q=x&to=%2Fteam%2Fsecret");

        // Assert
        Assert.Equal("/help/refunds", click.Headers.Location!.ToString());
        Assert.Equal("/search", hostile.Headers.Location!.ToString());
        Assert.Equal("/search", hidden.Headers.Location!.ToString());
        var entries = await WaitForLogAsync(3);
        Assert.Contains(entries, e => e is { Query: "refunds take", Source: "page", ResultCount: > 0 });
        Assert.Contains(entries, e => e is { Query: "zzzqqq", Source: "api", ResultCount: 0 });
        Assert.Contains(entries, e => e is { Source: "click", ClickedPath: "help/refunds" });
        Assert.DoesNotContain(entries, e => e.ClickedPath == "team/secret");
    }

    private async Task<List<KbCore.Analytics.SearchLogEntry>> WaitForLogAsync(int count)
    {
        var contexts = _factory.Services.GetRequiredService<IDbContextFactory<KbDbContext>>();
        for (var i = 0; i < 100; i++)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var entries = await db.SearchLog.ToListAsync();
            if (entries.Count >= count)
            {
                return entries;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("search log entries were not written");
    }

    [Fact]
    public async Task NoResults_OffersTheContactPage_WhichCarriesTheQueryIntoTheRequest()
    {
        await _factory.WaitForIndexAsync();
        var client = _factory.CreateClient();

        var empty = await Html.ParseAsync(await client.GetAsync("/search?q=zebra+migration"));
        var link = empty.QuerySelector(".empty-state a[href^='/contact']")!.GetAttribute("href")!;
        var contact = await Html.ParseAsync(await client.GetAsync(link));

        Assert.Equal("/contact?q=zebra+migration", link);
        Assert.Equal("Contact support", contact.QuerySelector("h1")!.TextContent);
        Assert.Equal("zebra migration", contact.QuerySelector("form[data-contact-form] input[name='subject']")!.GetAttribute("value"));
        Assert.Equal("mailto:support@ledgerly.example", contact.QuerySelector(".contact-page__channel a")!.GetAttribute("href"));
    }

    public void Dispose()
    {
        _factory.Dispose();
        _seed.Dispose();
    }
}
