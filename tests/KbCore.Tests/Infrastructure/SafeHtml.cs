using AngleSharp.Dom;

namespace KbCore.Tests.Infrastructure;

/// <summary>The invariants every sanitized article must hold, checked on the parsed DOM.</summary>
public static class SafeHtml
{
    private static readonly string[] ForbiddenElements =
    [
        "script", "iframe", "frame", "svg", "math", "style", "form", "button", "select", "textarea", "object", "embed",
        "base", "meta", "link", "template", "video", "audio", "noscript",
    ];

    private static readonly string[] UrlAttributes = ["href", "src", "cite", "action", "xlink:href", "poster", "background"];

    private static readonly string[] ForbiddenSchemes = ["javascript:", "data:", "vbscript:", "file:"];

    public static void AssertSafe(IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var body = document.Body!;
        foreach (var name in ForbiddenElements)
        {
            Assert.Empty(body.QuerySelectorAll(name));
        }

        foreach (var element in body.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} on <{element.LocalName}>");
                Assert.NotEqual("name", attribute.Name);
                Assert.NotEqual("srcset", attribute.Name);
                Assert.NotEqual("formaction", attribute.Name);
            }

            foreach (var urlAttribute in UrlAttributes)
            {
                if (element.GetAttribute(urlAttribute) is { } url)
                {
                    var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                    Assert.DoesNotContain(ForbiddenSchemes, s => compact.StartsWith(s, StringComparison.OrdinalIgnoreCase));
                }
            }

            if (element.GetAttribute("id") is { } id)
            {
                Assert.StartsWith("kb-", id, StringComparison.Ordinal);
            }

            if (element.GetAttribute("style") is { } style)
            {
                Assert.True(element.LocalName is "td" or "th", $"style on <{element.LocalName}>");
                var properties = style.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(d => d.Split(':')[0].Trim());
                Assert.All(properties, p => Assert.Equal("text-align", p));
            }

            if (element.LocalName == "input")
            {
                Assert.Equal("checkbox", element.GetAttribute("type"));
                Assert.True(element.HasAttribute("disabled"));
            }
        }
    }
}
