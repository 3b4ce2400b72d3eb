using KbCore.Rendering.Extensions;
using Markdig;

namespace KbCore.Rendering;

/// <summary>The one Markdig pipeline, built once: pipelines are immutable and thread-safe.</summary>
public static class KbMarkdownPipeline
{
    public static MarkdownPipeline Instance { get; } = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseGridTables()
        .UseTaskLists()
        .UseInertTaskLists()
        .UseFootnotes()
        .UseAlertBlocks()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseDefinitionLists()
        .UseHeadingIds()
        .UseWikiLinks()
        .UseDocsDirectives()
        .UseCodeHighlighting()
        .Build();
}
