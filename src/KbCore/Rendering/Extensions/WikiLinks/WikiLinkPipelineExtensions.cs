using Markdig;

namespace KbCore.Rendering.Extensions.WikiLinks;

public static class WikiLinkPipelineExtensions
{
    /// <summary>Enables <c>[[Wiki Links]]</c>. Idempotent.</summary>
    public static MarkdownPipelineBuilder UseWikiLinks(this MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.Extensions.AddIfNotAlready<WikiLinkExtension>();
        return pipeline;
    }
}
