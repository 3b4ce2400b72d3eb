using System.Net;

namespace KbServer.HelpCenter;

/// <summary>The page shown when the theme itself is broken: plain, self-contained, naming the template at fault.</summary>
internal static class BuiltInErrorPage
{
    public static string Render(int status, string title, string message, string themeError) =>
        $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{WebUtility.HtmlEncode(title)}}</title></head>
        <body><main id="main"><h1>{{WebUtility.HtmlEncode(title)}}</h1>
        <p>{{WebUtility.HtmlEncode(message)}}</p>
        <p>The help center theme could not be rendered (status {{status}}):</p>
        <pre>{{WebUtility.HtmlEncode(themeError)}}</pre>
        <p><a href="/">Go to the home page</a></p></main></body></html>
        """;
}
