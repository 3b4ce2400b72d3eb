using Markdig.Renderers;
using Markdig.Syntax;

namespace KbCore.Rendering;

/// <summary>The plain text of a heading (no markup): for titles, the table of contents and the index.</summary>
internal static class HeadingText
{
    public static string Of(HeadingBlock heading)
    {
        if (heading.Inline is null)
        {
            return string.Empty;
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { EnableHtmlForInline = false, EnableHtmlEscape = false };
        renderer.WriteChildren(heading.Inline);
        writer.Flush();
        return writer.ToString().Trim();
    }
}
