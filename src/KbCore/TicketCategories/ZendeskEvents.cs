using System.Globalization;
using System.Text.Json;

namespace KbCore.TicketCategories;

/// <summary>
/// Zendesk's event webhooks (<c>{"id", "type": "zen:event-type:ticket.created", "time", "detail": {"id", "form_id", ...},
/// "event": {...}}</c>). The ticket category is the ticket form (<c>detail.form_id</c>), matched against the
/// catalog's <c>zendesk</c> external ids; a solved ticket is a status change to SOLVED or CLOSED.
/// </summary>
public static class ZendeskEvents
{
    public const string System = "zendesk";

    public static TicketEventParse Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return TicketEventParse.Invalid("$", "the body must be a JSON object");
        }

        var id = JsonFields.Text(root, "id", out _);
        if (id is null || id.Length > TicketEvent.MaxIdLength)
        {
            return TicketEventParse.Invalid("id", "`id` (the Zendesk event id) is required");
        }

        var kind = JsonFields.Text(root, "type", out _);
        string type;
        switch (kind)
        {
            case "zen:event-type:ticket.created":
                type = TicketEventTypes.Created;
                break;
            case "zen:event-type:ticket.status_changed":
                var status = JsonFields.Text(root, "event.current", out _)?.ToUpperInvariant();
                if (status is not ("SOLVED" or "CLOSED"))
                {
                    return TicketEventParse.Skip($"status change to {status ?? "unknown"} is not counted");
                }

                type = TicketEventTypes.Solved;
                break;
            case null:
                return TicketEventParse.Invalid("type", "`type` (the Zendesk event type) is required");
            default:
                return TicketEventParse.Skip($"`{kind}` is not counted");
        }

        var ticketId = JsonFields.Text(root, "detail.id", out _);
        if (ticketId is null || ticketId.Length > TicketEvent.MaxIdLength)
        {
            return TicketEventParse.Invalid("detail.id", "`detail.id` (the ticket id) is required");
        }

        var form = JsonFields.Text(root, "detail.form_id", out _);
        if (form is null)
        {
            return TicketEventParse.Invalid("detail.form_id", "`detail.form_id` (the ticket form, our ticket category) is required");
        }

        var time = JsonFields.Text(root, "time", out _);
        DateTimeOffset? occurredAt = time is not null && DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        return TicketEventParse.Ok(new TicketEventInput($"{System}:{id}", type, ticketId, null, new ExternalCategory(System, form), null, occurredAt, "detail.form_id"));
    }
}
