namespace KbServer.Contact;

/// <summary>The JSON body sent to the helpdesk for one contact request (camelCase on the wire).</summary>
/// <param name="Id">The delivery id, the same on every retry, so the helpdesk can drop duplicates.</param>
/// <param name="Category">The catalog's ticket category id, if the customer chose one.</param>
/// <param name="ExternalCategories">The category's ids in each helpdesk ("zendesk" → "360001"), from the catalog.</param>
/// <param name="SuggestionsShown">Article paths the customer was shown before sending.</param>
public sealed record ContactRequestPayload(
    string Id,
    string Subject,
    string Description,
    string Email,
    string Name,
    string? Category,
    IReadOnlyDictionary<string, string> ExternalCategories,
    IReadOnlyList<string> SuggestionsShown,
    DateTimeOffset SubmittedAt);
