using KbCore.Articles;
using KbCore.Rendering;
using Markdig;
using Markdig.Extensions.Alerts;
using Markdig.Extensions.DefinitionLists;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers;
using Markdig.Syntax;

namespace KbCore.Search;

/// <summary>The words of an article for the index: plain body text and its headings, without markup.</summary>
internal static class ArticleText
{
    public static (string Body, string Headings) Extract(Article article)
    {
        // Past the limits the page shows plain text, and the index would spend a minute on it: searchable by title only.
        if (Rendering.ArticleLimits.Check(article.Body) is not null)
        {
            return (string.Empty, string.Empty);
        }

        // Markdig refuses pathological nesting while parsing or while rendering: searchable by title only.
        try
        {
            var document = Markdown.Parse(article.Body, KbMarkdownPipeline.Instance);
            var headings = string.Join('\n', document.Descendants<HeadingBlock>().Select(HeadingText.Of));
            using var writer = new StringWriter();
            var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
            KbMarkdownPipeline.Instance.Setup(renderer);
            ReplaceMarkupRenderers(renderer);
            renderer.Render(document);
            writer.Flush();
            return (writer.ToString(), headings);
        }
        catch (ArgumentException)
        {
            return (string.Empty, string.Empty);
        }
    }

    /// <summary>Swaps the renderers that write their own tags for <see cref="TextOnlyRenderer{T}"/>.</summary>
    private static void ReplaceMarkupRenderers(HtmlRenderer renderer)
    {
        var renderers = renderer.ObjectRenderers;
        for (var i = 0; i < renderers.Count; i++)
        {
            IMarkdownObjectRenderer? textOnly = renderers[i] switch
            {
                AlertBlockRenderer => new TextOnlyRenderer<AlertBlock>(),
                HtmlFootnoteGroupRenderer => new TextOnlyRenderer<FootnoteGroup>(),
                HtmlFootnoteLinkRenderer => new TextOnlyRenderer<FootnoteLink>(),
                HtmlDefinitionListRenderer => new TextOnlyRenderer<DefinitionList>(),
                HtmlTableRenderer => new TextOnlyRenderer<Table>(),
                Rendering.Extensions.TaskLists.InertTaskListRenderer => new TextOnlyRenderer<TaskList>(),
                _ => null,
            };
            if (textOnly is not null)
            {
                renderers[i] = textOnly;
            }
        }

        // The replaced renderers wrote their parts themselves; these have no renderer of their own.
        renderers.Add(new TextOnlyRenderer<TableRow>());
        renderers.Add(new TextOnlyRenderer<TableCell>());
        renderers.Add(new TextOnlyRenderer<DefinitionItem>());
        renderers.Add(new TextOnlyRenderer<DefinitionTerm>());
        renderers.Add(new TextOnlyRenderer<Footnote>());
    }
}
