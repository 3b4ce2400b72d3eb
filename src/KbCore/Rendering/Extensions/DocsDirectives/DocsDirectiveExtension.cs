using Markdig;
using Markdig.Renderers;

namespace KbCore.Rendering.Extensions.DocsDirectives;

/// <summary>Adds the one-line <c>:::image …:::</c> directives of Microsoft Docs markdown.</summary>
public sealed class DocsDirectiveExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (!pipeline.InlineParsers.Contains<DocsDirectiveInlineParser>())
        {
            pipeline.InlineParsers.Insert(0, new DocsDirectiveInlineParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}
