namespace KbCore.TicketCategories;

/// <summary>
/// The outcome of reading a payload: an event, an error naming the field (a 422), or a well-formed event of a
/// kind the reports do not count (accepted and ignored, so the helpdesk does not retry it forever).
/// </summary>
public sealed record TicketEventParse(TicketEventInput? Event, string? ErrorField, string? Error, string? Ignored)
{
    public static TicketEventParse Ok(TicketEventInput input) => new(input, null, null, null);

    public static TicketEventParse Invalid(string field, string message) => new(null, field, message, null);

    public static TicketEventParse Skip(string reason) => new(null, null, null, reason);
}
