using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace KbCore.Rendering.Extensions.WikiLinks;

/// <summary>Adds <c>[[Wiki Links]]</c>; runs before the standard link parser so <c>[[</c> is not a plain link.</summary>
public sealed class WikiLinkExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (!pipeline.InlineParsers.Contains<WikiLinkInlineParser>())
        {
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new WikiLinkInlineParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}
