using Markdig;

namespace KbCore.Rendering.Extensions.DocsDirectives;

public static class DocsDirectivePipelineExtensions
{
    /// <summary>Enables the <c>:::image …:::</c> and <c>:::no-loc …:::</c> directives. Idempotent.</summary>
    public static MarkdownPipelineBuilder UseDocsDirectives(this MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.Extensions.AddIfNotAlready<DocsDirectiveExtension>();
        return pipeline;
    }
}
