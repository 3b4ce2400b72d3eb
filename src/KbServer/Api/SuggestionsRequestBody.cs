namespace KbServer.Api;

/// <summary>The body of <c>POST /api/v1/suggestions</c>.</summary>
/// <param name="Category">A ticket category id from ticket-categories.yml.</param>
/// <param name="ExternalCategory">The helpdesk's own category instead of <c>category</c>, matched by the catalog's external ids.</param>
/// <param name="Subject">The ticket's subject (up to 500 characters).</param>
/// <param name="Description">The ticket's text (up to 10,000 characters).</param>
/// <param name="Limit">How many articles, 1 to 20 (default 5).</param>
/// <param name="Audience"><c>team</c> (the default: internal articles too) or <c>public</c> (customer-safe only).</param>
internal sealed record SuggestionsRequestBody(
    string? Category = null,
    SuggestionsExternalCategory? ExternalCategory = null,
    string? Subject = null,
    string? Description = null,
    int? Limit = null,
    string? Audience = null);
