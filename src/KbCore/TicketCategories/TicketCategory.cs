namespace KbCore.TicketCategories;

/// <summary>A helpdesk ticket category from <c>ticket-categories.yml</c>.</summary>
/// <param name="ExternalIds">The category's id in each helpdesk, by helpdesk name.</param>
/// <param name="Parent">The id of the broader category this one belongs to, if any.</param>
public sealed record TicketCategory(string Id, string Name, string Description, IReadOnlyDictionary<string, string> ExternalIds, string? Parent = null);
