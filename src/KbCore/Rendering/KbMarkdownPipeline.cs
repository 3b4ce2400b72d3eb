using KbCore.Rendering.Extensions;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace KbCore.Rendering;

/// <summary>The one Markdig pipeline, built once: pipelines are immutable and thread-safe.</summary>
public static class KbMarkdownPipeline
{
    public static MarkdownPipeline Instance { get; } = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseGridTables()
        .UseTaskLists()
        .UseFootnotes()
        .UseAlertBlocks()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseDefinitionLists()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseWikiLinks()
        .UseDocsDirectives()
        .Build();
}
