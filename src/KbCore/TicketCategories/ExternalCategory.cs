namespace KbCore.TicketCategories;

/// <summary>A category as a helpdesk names it: the helpdesk (<c>zendesk</c>, <c>freshdesk</c>, ...) and its id there.</summary>
public sealed record ExternalCategory(string System, string Id);
