namespace KbServer.Api;

/// <summary>A helpdesk's own category id, resolved through the catalog's external ids.</summary>
/// <param name="System">The helpdesk, as named in ticket-categories.yml: <c>zendesk</c>, <c>freshdesk</c>, …</param>
/// <param name="Id">The helpdesk's id for the category (a Zendesk ticket form, a Freshdesk ticket type).</param>
internal sealed record SuggestionsExternalCategory(string? System = null, string? Id = null);
