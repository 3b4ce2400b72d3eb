namespace KbCore.Themes.Models;

/// <summary>One search result. <c>Snippet</c> is escaped text with the matched words in <c>&lt;mark&gt;</c>.</summary>
public sealed record SearchResultView(string Title, string Url, string Summary, RawHtml Snippet, string Section);
