using System.Text.Json;
using KbCore.Accounts;
using KbCore.TicketCategories;
using KbServer.Auth;

namespace KbServer.Api;

/// <summary>
/// <c>POST /api/v1/ticket-events</c> (our shape) and <c>/zendesk</c>, <c>/freshdesk</c> (their webhook shapes):
/// tickets created and solved, articles linked or inserted into replies. Scope <c>events</c>; idempotent by event id.
/// </summary>
internal static class TicketEventsApi
{
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapTicketEventsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/v1/ticket-events")
            .RequireAuthorization(KbPolicies.Scope(TokenScopes.Events))
            .AddEndpointFilter<BrowserAntiforgeryFilter>()
            .RequireRateLimiting(ApiRateLimits.PerCaller);
        events.MapPost("/", (HttpContext http, TicketEvents store) => Receive(http, store, TicketEventParser.Parse))
            .WithSummary("Record a ticket event")
            .WithDescription("Body: {\"id\": \"evt-1\", \"type\": \"ticket.created\", \"ticketId\": \"4711\", \"category\": \"invoice-create\"} — or \"externalCategory\": {\"system\": \"zendesk\", \"id\": \"360001001\"}; \"article\" (path) for article.linked and article.inserted; optional \"occurredAt\" (ISO 8601). 201 when stored, 200 when the id was already stored, 422 naming the field.");
        events.MapPost("/zendesk", (HttpContext http, TicketEvents store) => Receive(http, store, ZendeskEvents.Parse))
            .WithSummary("Record a Zendesk event webhook (ticket form = category)");
        events.MapPost("/freshdesk", (HttpContext http, TicketEvents store) => Receive(http, store, FreshdeskEvents.Parse))
            .WithSummary("Record a Freshdesk automation webhook (ticket type = category)");
        return app;
    }

    private static async Task<IResult> Receive(HttpContext http, TicketEvents store, Func<JsonElement, TicketEventParse> parse)
    {
        var (document, problem) = await LimitedJsonBody.ReadAsync(http, MaxBodyBytes).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        using (document)
        {
            var parsed = parse(document!.RootElement);
            if (parsed.Ignored is { } reason)
            {
                return Results.Json(new { status = "ignored", reason }, statusCode: StatusCodes.Status202Accepted);
            }

            if (parsed.Event is null)
            {
                return ApiProblems.Invalid(parsed.ErrorField!, parsed.Error!);
            }

            var result = await store.RecordAsync(parsed.Event, http.RequestAborted).ConfigureAwait(false);
            if (result.Error is not null)
            {
                return ApiProblems.Invalid(result.ErrorField!, result.Error);
            }

            return Results.Json(new { status = result.IsDuplicate ? "duplicate" : "stored", id = parsed.Event.EventId }, statusCode: result.IsDuplicate ? 200 : 201);
        }
    }
}
