using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.Studio;

/// <summary>Personal tokens from the studio page, and the search report they (or a session) may read.</summary>
public sealed class TokensAndReportsTests(SampleServerFactory factory) : IClassFixture<SampleServerFactory>
{
    [Fact]
    public async Task Token_IsShownOnce_WorksWithItsScopeOnly_AndStopsWhenRevoked()
    {
        var author = await StudioSession.NewUserAsync(factory, "tokens@example.com", KbRoles.Author);
        var created = await Html.ParseAsync(await author.SubmitAsync("/studio/account/tokens", "form[action*='handler=Create']",
            new() { ["name"] = "Report bot", ["scopes"] = TokenScopes.Reports }));
        var secret = created.QuerySelector("#token-secret")!.TextContent.Trim();
        Assert.StartsWith("kb_", secret, StringComparison.Ordinal);

        var listed = await author.Client.GetStringAsync("/studio/account/tokens");
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        Assert.Contains(secret[..10], listed, StringComparison.Ordinal);

        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/reports/search")).StatusCode);
        Assert.DoesNotContain("Never", (await author.GetDocumentAsync("/studio/account/tokens")).QuerySelector("#tokens tbody tr")!.TextContent, StringComparison.Ordinal);

        var page = await author.GetDocumentAsync("/studio/account/tokens");
        var revoke = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[action*='handler=Revoke']")!;
        Assert.Equal(HttpStatusCode.Redirect, (await author.PostFormAsync("/studio/account/tokens", revoke, [])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/reports/search")).StatusCode);
    }

    [Fact]
    public async Task ReportsApi_RefusesAnonymousAndWrongScope_WithProblems()
    {
        var anonymous = await factory.CreateClient().GetAsync("/api/v1/reports/search");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);

        var user = await StudioSession.CreateUserAsync(factory, "scoped@example.com", KbRoles.Author);
        var token = await CreateTokenAsync(user, TokenScopes.ArticlesRead);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/reports/search")).StatusCode);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/reports/search")).StatusCode);
    }

    [Fact]
    public async Task SearchReport_CountsSearchesZeroResultsAndClicks_InTheApiThePageAndTheCsv()
    {
        await factory.WaitForIndexAsync();
        var visitor = factory.CreateClient();
        var unique = "qx" + Guid.NewGuid().ToString("N")[..8];
        await visitor.GetStringAsync("/api/v1/search?q=invoice");
        await visitor.GetStringAsync("/search?q=invoice");
        await visitor.GetStringAsync("/api/v1/search?q=" + unique);
        await visitor.GetStringAsync("/api/v1/search?q=%3D" + unique);

        var user = await StudioSession.CreateUserAsync(factory, "reader@example.com", KbRoles.Reviewer);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CreateTokenAsync(user, TokenScopes.Reports));

        // The log is written in batches about once a second.
        JsonElement report = default;
        for (var i = 0; i < 50; i++)
        {
            report = JsonDocument.Parse(await client.GetStringAsync("/api/v1/reports/search?days=7")).RootElement;
            if (report.GetProperty("zeroResultQueries").EnumerateArray().Any(q => q.GetProperty("query").GetString() == unique))
            {
                break;
            }

            await Task.Delay(100);
        }

        var invoice = report.GetProperty("topQueries").EnumerateArray().Single(q => q.GetProperty("query").GetString() == "invoice");
        Assert.True(invoice.GetProperty("searches").GetInt32() >= 2);
        Assert.Equal(0, invoice.GetProperty("zeroResults").GetInt32());
        Assert.Equal(7, report.GetProperty("byDay").GetArrayLength());
        Assert.Contains(report.GetProperty("zeroResultQueries").EnumerateArray(), q => q.GetProperty("query").GetString() == unique);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/reports/search?days=0")).StatusCode);

        var reviewer = await StudioSession.NewUserAsync(factory, "reportpage@example.com", KbRoles.Reviewer);
        var page = await reviewer.GetDocumentAsync("/studio/reports/search?days=7");
        Assert.Contains(page.QuerySelectorAll("#zero-queries td"), td => td.TextContent == unique);
        Assert.NotNull(page.QuerySelector("svg.chart rect.bar"));
        var dayRows = page.QuerySelectorAll(".chart-data tbody tr"); // the chart's text alternative: one row a day
        Assert.Equal(7, dayRows.Length);
        Assert.True(int.Parse(dayRows[^1].QuerySelector("td")!.TextContent, System.Globalization.CultureInfo.InvariantCulture) >= 4, "today's row counts today's searches");
        var csv = await reviewer.Client.GetStringAsync("/studio/reports/search?handler=csv&days=7");
        Assert.StartsWith("query,searches,opened,no_results,last_searched\n", csv, StringComparison.Ordinal);
        Assert.Contains($"\"'={unique}\"", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_NeverOpenTheStudio_SoTheirScopesCannotBeWidenedThere()
    {
        var admin = await StudioSession.CreateUserAsync(factory, "tokenadmin@example.com", KbRoles.Admin);
        var secret = await CreateTokenAsync(admin, TokenScopes.Reports);
        var bearer = factory.CreateClient(new() { AllowAutoRedirect = false });
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var basic = factory.CreateClient(new() { AllowAutoRedirect = false });
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("x:" + secret)));

        foreach (var client in new[] { bearer, basic })
        {
            foreach (var url in new[] { "/studio", "/studio/account/tokens", "/studio/admin/users", "/studio/edit" })
            {
                var response = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/studio/login", response.Headers.Location!.PathOnly(), StringComparison.Ordinal);
            }

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/reports/search")).StatusCode);
        }
    }

    private Task<string> CreateTokenAsync(KbUser user, string scope) => ApiTokens.ForAsync(factory, user, scope);
}
