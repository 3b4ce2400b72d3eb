using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KbCore.Accounts;
using KbCore.Data;
using KbServer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KbServer.Tests.Support;

/// <summary>Ticket events over real HTTP: scopes, validation naming the field, size limit, idempotency, helpdesk shapes.</summary>
public sealed class TicketEventsApiTests : SupportServer
{
    [Fact]
    public async Task NoToken_401_TokenWithoutScope_403()
    {
        var anonymous = await Factory.CreateClient().PostAsJsonAsync("/api/v1/ticket-events", Event("e1"));
        var reader = await ApiTokens.ClientAsync(Factory, "reader@example.com", KbRoles.Author, TokenScopes.ArticlesRead);
        var wrongScope = await reader.PostAsJsonAsync("/api/v1/ticket-events", Event("e1"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongScope.StatusCode);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task SameEventTwice_IsStoredOnce()
    {
        var api = await ClientAsync();

        var first = await api.PostAsJsonAsync("/api/v1/ticket-events", Event("evt-42"));
        var again = await api.PostAsJsonAsync("/api/v1/ticket-events", Event("evt-42"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("duplicate", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(1, await CountAsync());
    }

    [Theory]
    [InlineData("""{"id":"a","type":"ticket.created","ticketId":"1","category":"no-such-thing"}""", "category", "no-such-thing")]
    [InlineData("""{"id":"a","type":"ticket.created","ticketId":"1","externalCategory":{"system":"zendesk","id":"999"}}""", "externalCategory", "999")]
    [InlineData("""{"id":"a","type":"ticket.exploded","ticketId":"1","category":"billing"}""", "type", "ticket.created")]
    [InlineData("""{"type":"ticket.created","ticketId":"1","category":"billing"}""", "id", "required")]
    [InlineData("""{"id":"a","type":"article.linked","ticketId":"1","category":"billing"}""", "article", "article")]
    [InlineData("""{"id":"a","type":"article.linked","ticketId":"1","category":"billing","article":"help/nope"}""", "article", "help/nope")]
    [InlineData("""{"id":"a","type":"ticket.created","ticketId":"1","category":"billing","occurredAt":"yesterday"}""", "occurredAt", "ISO 8601")]
    [InlineData("""{"id":"a","type":"ticket.created","ticketId":"1","category":"billing","occurredAt":"12/11/2026"}""", "occurredAt", "ISO 8601")]
    [InlineData("""{"id":"\ud800","type":"ticket.created","ticketId":"1","category":"billing"}""", "id", "required")]
    public async Task BadPayload_422NamingTheField(string json, string field, string mentioned)
    {
        var api = await ClientAsync();

        var response = await api.PostAsync("/api/v1/ticket-events", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var messages = problem.GetProperty("errors").GetProperty(field);
        Assert.Contains(mentioned, messages[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task OversizedBody_413_NothingStored()
    {
        var api = await ClientAsync();
        var huge = JsonSerializer.Serialize(new { id = "big", type = "ticket.created", ticketId = "1", category = "billing", padding = new string('x', 100_000) });

        var response = await api.PostAsync("/api/v1/ticket-events", new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task ZendeskAndFreshdeskShapes_ResolveExternalCategories_AndSkipWhatIsNotCounted()
    {
        var api = await ClientAsync();
        var zendesk = new { id = "zd-1", type = "zen:event-type:ticket.created", time = "2026-11-20T10:00:00Z", detail = new { id = "77", form_id = 360002 } };
        var zendeskOther = new { id = "zd-2", type = "zen:event-type:ticket.priority_changed", detail = new { id = "77", form_id = 360002 } };
        var freshdesk = new { freshdesk_webhook = new { ticket_id = 88, ticket_type = "Billing", ticket_status = "Resolved" } };

        var created = await api.PostAsJsonAsync("/api/v1/ticket-events/zendesk", zendesk);
        var skipped = await api.PostAsJsonAsync("/api/v1/ticket-events/zendesk", zendeskOther);
        var solved = await api.PostAsJsonAsync("/api/v1/ticket-events/freshdesk", freshdesk);
        var solvedAgain = await api.PostAsJsonAsync("/api/v1/ticket-events/freshdesk", freshdesk);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, skipped.StatusCode);
        Assert.Equal(HttpStatusCode.Created, solved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, solvedAgain.StatusCode);
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<KbDbContext>>().CreateDbContextAsync();
        var stored = await db.TicketEvents.OrderBy(e => e.Id).Select(e => new { e.Type, e.Category, e.TicketId }).ToListAsync();
        Assert.Equal([new { Type = "ticket.created", Category = "exports", TicketId = "77" }, new { Type = "ticket.solved", Category = "billing", TicketId = "88" }], stored);
    }

    private static object Event(string id) => new { id, type = "ticket.created", ticketId = "T-1", category = "billing" };

    private Task<HttpClient> ClientAsync() => ApiTokens.ClientAsync(Factory, "helpdesk@example.com", KbRoles.Author, TokenScopes.Events);

    private async Task<int> CountAsync()
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<KbDbContext>>().CreateDbContextAsync();
        return await db.TicketEvents.CountAsync();
    }
}
