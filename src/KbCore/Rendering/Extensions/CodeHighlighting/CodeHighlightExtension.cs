using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace KbCore.Rendering.Extensions.CodeHighlighting;

/// <summary>Swaps Markdig's code block renderer for <see cref="HighlightingCodeBlockRenderer"/>.</summary>
internal sealed class CodeHighlightExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        // In Markdig's place, so renderers that other extensions put before it (front matter) still come first.
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<HighlightingCodeBlockRenderer>())
        {
            html.ObjectRenderers.ReplaceOrAdd<CodeBlockRenderer>(new HighlightingCodeBlockRenderer());
        }
    }
}
