using KbCore.Articles;
using KbCore.Rendering;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace KbCore.Search;

/// <summary>The words of an article for the index: plain body text and its headings, without markup.</summary>
internal static class ArticleText
{
    public static (string Body, string Headings) Extract(Article article)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(article.Body, KbMarkdownPipeline.Instance);
        }
        catch (ArgumentException)
        {
            return (string.Empty, string.Empty); // unrenderable markdown: searchable by title only
        }

        var headings = string.Join('\n', document.Descendants<HeadingBlock>().Select(HeadingText.Of));
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        KbMarkdownPipeline.Instance.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return (writer.ToString(), headings);
    }
}
