using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace KbCore.Tests.Infrastructure;

/// <summary>Parses rendered HTML the way a browser would, so tests query elements instead of matching text.</summary>
public static class Html
{
    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
