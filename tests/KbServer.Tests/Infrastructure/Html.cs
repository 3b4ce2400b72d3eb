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
}
