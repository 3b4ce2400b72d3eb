namespace KbCore.Themes.Models;

/// <summary>One search result. <c>Snippet</c> is escaped text with the matched words in <c>&lt;mark&gt;</c>.</summary>
/// <param name="Internal">True for an internal article (found for signed-in team members only).</param>
public sealed record SearchResultView(string Title, string Url, string Summary, RawHtml Snippet, string Section, bool Internal = false);
