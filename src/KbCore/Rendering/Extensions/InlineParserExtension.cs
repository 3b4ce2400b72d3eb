using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;

namespace KbCore.Rendering.Extensions;

/// <summary>
/// Adds one inline parser of ours to a pipeline, once. <paramref name="register"/> places it: our syntaxes start
/// with characters other parsers also claim (<c>[[</c> would otherwise be a plain link), so position matters.
/// </summary>
public sealed class InlineParserExtension<TParser>(Action<OrderedList<InlineParser>, TParser> register) : IMarkdownExtension
    where TParser : InlineParser, new()
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (!pipeline.InlineParsers.Contains<TParser>())
        {
            register(pipeline.InlineParsers, new TParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}
