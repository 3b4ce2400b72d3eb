using System.Text.Json;
using KbCore.Accounts;
using KbCore.TicketCategories;
using KbServer.Api.Docs;
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
        var events = app.MapGroup("/ticket-events")
            .RequireAuthorization(KbPolicies.Scope(TokenScopes.Events))
            .RequireBrowserAntiforgery()
            .RequireRateLimiting(ApiRateLimits.PerCaller)
            .WithTags("Helpdesk");
        Answers(events.MapPost("/", (HttpContext http, TicketEvents store) => Receive(http, store, TicketEventParser.Parse))
            .WithSummary("Record a ticket event")
            .WithDescription("Tickets created and solved, articles linked to a ticket or inserted into a reply: what the support reports count. Fields: `id` (yours; a repeat is answered 200 and not counted twice), `type` (`ticket.created`, `ticket.solved`, `article.linked`, `article.inserted`), `ticketId`, `category` or `externalCategory` `{system, id}`, `article` (a path, for the article events), optional `occurredAt` (ISO 8601)."));
        Answers(events.MapPost("/zendesk", (HttpContext http, TicketEvents store) => Receive(http, store, ZendeskEvents.Parse))
            .WithSummary("Record a Zendesk event webhook")
            .WithDescription("Point a Zendesk webhook (ticket events) here as it is: the ticket form id is matched to a ticket category's `zendesk` external id. Events that are not counted are answered 202 with the reason."));
        Answers(events.MapPost("/freshdesk", (HttpContext http, TicketEvents store) => Receive(http, store, FreshdeskEvents.Parse))
            .WithSummary("Record a Freshdesk automation webhook")
            .WithDescription("Point a Freshdesk automation rule's webhook here: the ticket type is matched to a ticket category's `freshdesk` external id. Events that are not counted are answered 202 with the reason."));
        return app;
    }

    private static void Answers(RouteHandlerBuilder endpoint) => endpoint
        .WithResponseExample(StatusCodes.Status201Created, "Stored", ResponseExamples.EventStored)
        .WithResponseExample(StatusCodes.Status200OK, "Already stored under this id: not counted again", ResponseExamples.EventDuplicate)
        .WithResponseExample(StatusCodes.Status202Accepted, "Received, and not counted (the reason says why)", ResponseExamples.EventIgnored)
        .ProducesProblems(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);

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
