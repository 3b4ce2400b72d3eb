using KbCore.Rendering.Extensions.DocsDirectives;
using KbCore.Rendering.Extensions.WikiLinks;
using Markdig;
using Markdig.Parsers.Inlines;

namespace KbCore.Rendering.Extensions;

/// <summary>Enables our markdown syntaxes on a pipeline builder. Each is idempotent.</summary>
public static class KbMarkdownExtensions
{
    /// <summary><c>[[Wiki Links]]</c>, parsed before the standard link parser so <c>[[</c> is not a plain link.</summary>
    public static MarkdownPipelineBuilder UseWikiLinks(this MarkdownPipelineBuilder pipeline) =>
        Use(pipeline, new InlineParserExtension<WikiLinkInlineParser>((parsers, parser) => parsers.InsertBefore<LinkInlineParser>(parser)));

    /// <summary>The one-line <c>:::image …:::</c> and <c>:::no-loc …:::</c> directives of Microsoft Docs markdown.</summary>
    public static MarkdownPipelineBuilder UseDocsDirectives(this MarkdownPipelineBuilder pipeline) =>
        Use(pipeline, new InlineParserExtension<DocsDirectiveInlineParser>((parsers, parser) => parsers.Insert(0, parser)));

    /// <summary>GitHub-style heading ids, de-duplicated in linear time (see <see cref="HeadingIds.HeadingIdExtension"/>).</summary>
    public static MarkdownPipelineBuilder UseHeadingIds(this MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.Extensions.AddIfNotAlready<HeadingIds.HeadingIdExtension>();
        return pipeline;
    }

    /// <summary>Task-list boxes as inert elements (see <see cref="TaskLists.InertTaskListRenderer"/>); after <c>UseTaskLists</c>.</summary>
    public static MarkdownPipelineBuilder UseInertTaskLists(this MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.Extensions.AddIfNotAlready<TaskLists.InertTaskListExtension>();
        return pipeline;
    }

    /// <summary>Fenced code in a known language coloured with token classes (see <see cref="CodeHighlighting.HighlightingCodeBlockRenderer"/>).</summary>
    public static MarkdownPipelineBuilder UseCodeHighlighting(this MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.Extensions.AddIfNotAlready<CodeHighlighting.CodeHighlightExtension>();
        return pipeline;
    }

    private static MarkdownPipelineBuilder Use<TParser>(MarkdownPipelineBuilder pipeline, InlineParserExtension<TParser> extension)
        where TParser : Markdig.Parsers.InlineParser, new()
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.Extensions.AddIfNotAlready(extension);
        return pipeline;
    }
}
