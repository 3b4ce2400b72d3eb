using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.Support;

/// <summary>The gap report: tickets against linked, well-rated articles, per category, over real HTTP.</summary>
public sealed class TicketCategoryReportTests : SupportServer
{
    [Fact]
    public async Task CategoryWithTicketsAndNoArticle_RanksFirst_ThenMovesDownOnceAnArticleIsPublished()
    {
        var events = await ApiTokens.ClientAsync(Factory, "helpdesk@example.com", KbRoles.Author, TokenScopes.Events);
        var reports = await ApiTokens.ClientAsync(Factory, "lead@example.com", KbRoles.Admin, TokenScopes.Reports, TokenScopes.ArticlesWrite);
        for (var i = 0; i < 4; i++)
        {
            (await events.PostAsJsonAsync("/api/v1/ticket-events", new { id = $"r{i}", type = "ticket.created", ticketId = $"R{i}", category = "refunds" })).EnsureSuccessStatusCode();
            (await events.PostAsJsonAsync("/api/v1/ticket-events", new { id = $"b{i}", type = "ticket.created", ticketId = $"B{i}", category = "billing" })).EnsureSuccessStatusCode();
        }

        // Exports: 5 tickets and one unrated article, a gap between refunds' before and after.
        for (var i = 0; i < 5; i++)
        {
            (await events.PostAsJsonAsync("/api/v1/ticket-events", new { id = $"e{i}", type = "ticket.created", ticketId = $"E{i}", externalCategory = new { system = "zendesk", id = "360002" } })).EnsureSuccessStatusCode();
        }

        (await events.PostAsJsonAsync("/api/v1/ticket-events", new { id = "r-solved", type = "ticket.solved", ticketId = "R0", category = "refunds" })).EnsureSuccessStatusCode();

        // The seed's refund articles are removed first, so refunds has tickets and no article.
        (await reports.DeleteAsync("/api/v1/articles/help/refund-card")).EnsureSuccessStatusCode();
        var before = await ReportAsync(reports);

        Assert.Equal(["refunds", "exports"], before.Take(2).Select(r => r.GetProperty("category").GetString()));
        Assert.Equal(4, before[0].GetProperty("tickets").GetInt32());
        Assert.Equal(0, before[0].GetProperty("articles").GetInt32());
        Assert.Equal(4.0, before[0].GetProperty("gap").GetDouble());
        var billing = before.Single(r => r.GetProperty("category").GetString() == "billing");
        Assert.Equal(4, billing.GetProperty("articles").GetInt32());
        Assert.Equal((3, 1), (billing.GetProperty("publicArticles").GetInt32(), billing.GetProperty("internalArticles").GetInt32()));
        Assert.Equal(["category", "name", "tickets", "articles", "publicArticles", "internalArticles", "views", "searches", "helpful", "deflections", "gap"], before[0].EnumerateObject().Select(p => p.Name));

        var published = await reports.PutAsJsonAsync("/api/v1/articles/help/refund-policy", new { content = "---\ntitle: Refund policy\nticket_categories: [refunds]\n---\nRefunds within 30 days.\n" });
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var after = await ReportAsync(reports);

        var refunds = after.Single(r => r.GetProperty("category").GetString() == "refunds");
        Assert.Equal(1, refunds.GetProperty("articles").GetInt32());
        Assert.True(refunds.GetProperty("gap").GetDouble() < 4.0);
        Assert.Equal(["exports", "refunds"], after.Take(2).Select(r => r.GetProperty("category").GetString()));
    }

    [Fact]
    public async Task Report_NeedsTheReportsScope()
    {
        var anonymous = await Factory.CreateClient().GetAsync("/api/v1/reports/ticket-categories");
        var other = await ApiTokens.ClientAsync(Factory, "x@example.com", KbRoles.Author, TokenScopes.Events);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v1/reports/ticket-categories")).StatusCode);
    }

    private static async Task<JsonElement[]> ReportAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/reports/ticket-categories")).EnumerateArray().ToArray();
}
