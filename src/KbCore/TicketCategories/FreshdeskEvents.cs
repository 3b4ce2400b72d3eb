using System.Text.Json;

namespace KbCore.TicketCategories;

/// <summary>
/// Freshdesk automation webhooks with the classic payload <c>{"freshdesk_webhook": {"ticket_id", "ticket_type",
/// "ticket_status", ...}}</c>. The ticket type is the category (the catalog's <c>freshdesk</c> external ids);
/// Resolved or Closed is a solved ticket, anything else a created one. Freshdesk sends no event id, so a
/// ticket counts once as created and once as solved however often the rule fires.
/// </summary>
public static class FreshdeskEvents
{
    public const string System = "freshdesk";

    public static TicketEventParse Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || JsonFields.At(root, "freshdesk_webhook") is not { ValueKind: JsonValueKind.Object } hook)
        {
            return TicketEventParse.Invalid("freshdesk_webhook", "the body must be an object with `freshdesk_webhook`");
        }

        var ticketId = JsonFields.Text(hook, "ticket_id", out _);
        // The event id is built from the ticket id (Freshdesk sends none), so it must leave room for the prefix.
        if (ticketId is null || ticketId.Length > TicketEvent.MaxIdLength - 30)
        {
            return TicketEventParse.Invalid("freshdesk_webhook.ticket_id", "`ticket_id` is required");
        }

        var ticketType = JsonFields.Text(hook, "ticket_type", out _);
        if (ticketType is null)
        {
            return TicketEventParse.Invalid("freshdesk_webhook.ticket_type", "`ticket_type` (our ticket category) is required");
        }

        var status = JsonFields.Text(hook, "ticket_status", out _);
        var type = status is not null && (status.Equals("Resolved", StringComparison.OrdinalIgnoreCase) || status.Equals("Closed", StringComparison.OrdinalIgnoreCase))
            ? TicketEventTypes.Solved
            : TicketEventTypes.Created;
        return TicketEventParse.Ok(new TicketEventInput($"{System}:{ticketId}:{type}", type, ticketId, null, new ExternalCategory(System, ticketType), null, null, "freshdesk_webhook.ticket_type"));
    }
}
