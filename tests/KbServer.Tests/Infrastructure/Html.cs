using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace KbServer.Tests.Infrastructure;

public static class Html
{
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        return new HtmlParser().ParseDocument(text);
    }

    /// <summary>An element's text as a reader sees it: runs of white space as one space, none at the ends.</summary>
    public static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
