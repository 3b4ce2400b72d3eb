namespace KbServer.Api;

/// <summary>The body of <c>POST /api/v1/suggestions</c>.</summary>
internal sealed record SuggestionsRequestBody(
    string? Category,
    SuggestionsExternalCategory? ExternalCategory,
    string? Subject,
    string? Description,
    int? Limit,
    string? Audience);
