namespace KbCore.Themes.Models;

/// <summary>A suggested article on the contact page. <see cref="Url"/> goes through the funnel's click recorder.</summary>
/// <param name="Snippet">Escaped HTML with matched words in <c>&lt;mark&gt;</c>.</param>
public sealed record ContactSuggestionView(string Title, string Url, RawHtml Snippet);
