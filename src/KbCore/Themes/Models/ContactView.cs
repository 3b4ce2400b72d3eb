namespace KbCore.Themes.Models;

/// <summary>The <c>contact</c> template's page: suggested articles first, then a request to the support team.</summary>
/// <param name="Email">The support address (<c>HelpCenter:ContactEmail</c>), or empty when none is configured.</param>
/// <param name="Query">What the visitor searched for last, when they came from a search.</param>
/// <param name="Session">The visit's random id, sent back with suggestion clicks and the request (the deflection funnel).</param>
/// <param name="Form">The fields as typed, with a message per invalid field.</param>
/// <param name="Suggestions">Public articles for what was typed (filled by the server after "Find answers", by script as one types).</param>
/// <param name="Sent">True after a request was received.</param>
/// <param name="AntiforgeryField">Name and value of the hidden antiforgery field the form must post.</param>
public sealed record ContactView(
    string Email,
    string Query,
    string Session,
    ContactFormView Form,
    IReadOnlyList<ContactCategoryView> Categories,
    IReadOnlyList<ContactSuggestionView> Suggestions,
    bool Searched,
    bool Sent,
    FormFieldView AntiforgeryField);
