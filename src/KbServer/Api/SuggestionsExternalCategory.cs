namespace KbServer.Api;

/// <summary>A helpdesk's own category id, resolved through the catalog's external ids.</summary>
internal sealed record SuggestionsExternalCategory(string? System, string? Id);
