using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.Support;

/// <summary>Agent suggestions over real HTTP against the real index.</summary>
public sealed class SuggestionsApiTests : SupportServer
{
    [Fact]
    public async Task AgentToken_GetsTextMatchesBoostedByCategory_InternalIncluded_WithWhy()
    {
        var api = await AgentAsync();

        var response = await api.PostAsJsonAsync("/api/v1/suggestions", new { externalCategory = new { system = "zendesk", id = "360001" }, subject = "invoice email never arrived", description = "the client says nothing came" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("billing", body.GetProperty("category").GetString());
        var results = body.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal("help/invoice-email", results[0].GetProperty("path").GetString());
        Assert.Equal(["category", "text"], results[0].GetProperty("why").EnumerateArray().Select(w => w.GetString()));
        Assert.Contains(results, r => r.GetProperty("path").GetString() == "help/secret-billing");
        Assert.Contains("<mark>", results[0].GetProperty("snippet").GetString(), StringComparison.Ordinal);
        var changePlan = results.Single(r => r.GetProperty("path").GetString() == "help/change-plan");
        Assert.Equal(["category"], changePlan.GetProperty("why").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public async Task CategoryLink_OutranksAnEqualTextMatchOutsideTheCategory()
    {
        var api = await AgentAsync();

        // Two articles with the same words, each linked to another category.
        var forRefunds = await PathsAsync(api, new { category = "refunds", subject = "refund a payment" });
        var forBilling = await PathsAsync(api, new { category = "billing", subject = "refund a payment" });

        Assert.Equal("help/refund-card", forRefunds[0]);
        Assert.Equal("help/refund-credit", forBilling[0]);
    }

    [Fact]
    public async Task LongTicket_RepeatedFillerDoesNotCrowdOutTheTopic()
    {
        var api = await AgentAsync();

        var paths = await PathsAsync(api, new { subject = string.Join(' ', Enumerable.Repeat("hello", 40)) + " export csv" });

        Assert.Equal("help/export-csv", paths[0]);
    }

    [Fact]
    public async Task PublicAudience_NeverGetsInternalArticles()
    {
        var api = await AgentAsync();

        var paths = await PathsAsync(api, new { category = "billing", subject = "zorblax override invoice email", audience = "public" });

        Assert.DoesNotContain("help/secret-billing", paths);
        Assert.Contains("help/invoice-email", paths);
    }

    [Fact]
    public async Task NoToken_401_WrongScope_403_UnknownCategory_422_BadLimit_422()
    {
        var anonymous = await Factory.CreateClient().PostAsJsonAsync("/api/v1/suggestions", new { subject = "invoice" });
        var reader = await ApiTokens.ClientAsync(Factory, "reader@example.com", KbRoles.Author, TokenScopes.ArticlesRead);
        var wrongScope = await reader.PostAsJsonAsync("/api/v1/suggestions", new { subject = "invoice" });
        var api = await AgentAsync();
        var unknown = await api.PostAsJsonAsync("/api/v1/suggestions", new { category = "warp-drive", subject = "invoice" });
        var badLimit = await api.PostAsJsonAsync("/api/v1/suggestions", new { subject = "invoice", limit = 500 });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongScope.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("warp-drive", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("category")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badLimit.StatusCode);
        var surrogate = await api.PostAsync("/api/v1/suggestions", new StringContent("""{"subject":"\ud800"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, surrogate.StatusCode);
    }

    [Fact]
    public async Task EachToken_HasItsOwnBudget_429WithRetryAfterBeyondIt()
    {
        using var limited = new KbServerFactory(Seed.Path, new Dictionary<string, string?> { ["RateLimits:ApiPerMinute"] = "3" });
        var first = await ApiTokens.ClientAsync(limited, "one@example.com", KbRoles.Author, TokenScopes.Suggest);
        var second = await ApiTokens.ClientAsync(limited, "two@example.com", KbRoles.Author, TokenScopes.Suggest);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await first.PostAsJsonAsync("/api/v1/suggestions", new { subject = "invoice" })).StatusCode);
        }

        var over = await first.PostAsJsonAsync("/api/v1/suggestions", new { subject = "invoice" });
        var other = await second.PostAsJsonAsync("/api/v1/suggestions", new { subject = "invoice" });

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Equal("60", over.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", over.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesSuggestionsWithAnExample()
    {
        var document = await Factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        var suggestion = paths.GetProperty("/api/v1/suggestions").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("invoice-delivery", suggestion.GetProperty("category").GetString());
        var ticketEvent = paths.GetProperty("/api/v1/ticket-events").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("ticket.created", ticketEvent.GetProperty("type").GetString());
        Assert.True(paths.TryGetProperty("/api/v1/ticket-events/zendesk", out _));
    }

    private async Task<HttpClient> AgentAsync()
    {
        await Factory.WaitForIndexAsync();
        return await ApiTokens.ClientAsync(Factory, "agent@example.com", KbRoles.Author, TokenScopes.Suggest);
    }

    private static async Task<string[]> PathsAsync(HttpClient api, object request)
    {
        var response = await api.PostAsJsonAsync("/api/v1/suggestions", request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("path").GetString()!).ToArray();
    }
}
