namespace KbCore.TicketCategories;

/// <summary>A ticket event as sent, before its category is resolved through the catalog.</summary>
/// <param name="EventId">The sender's id, prefixed by its source (<c>kb:</c>, <c>zendesk:</c>, <c>freshdesk:</c>).</param>
/// <param name="CategoryField">The payload field that carried the category, for error messages.</param>
public sealed record TicketEventInput(
    string EventId,
    string Type,
    string TicketId,
    string? Category,
    ExternalCategory? External,
    string? ArticlePath,
    DateTimeOffset? OccurredAt,
    string CategoryField);
