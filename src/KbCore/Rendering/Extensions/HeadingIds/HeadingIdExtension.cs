using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KbCore.Rendering.Extensions.HeadingIds;

/// <summary>
/// GitHub-style heading ids (<c>setup</c>, <c>setup-1</c>, ...), the same ids Markdig's auto-identifiers give, in
/// linear time: Markdig counts up from <c>-1</c> for every repeat, so an article of 40,000 identical headings took
/// minutes of CPU. Here each base id remembers the next suffix to try.
/// </summary>
internal sealed class HeadingIdExtension : IMarkdownExtension
{
    private static readonly object TakenKey = new();

    [ThreadStatic]
    private static (StringWriter Writer, HtmlRenderer Renderer)? t_textRenderer;

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Setext headings start life as paragraphs, so both parsers report closed headings.
        if (pipeline.BlockParsers.Find<HeadingBlockParser>() is { } headings)
        {
            headings.Closed -= OnClosed;
            headings.Closed += OnClosed;
        }

        if (pipeline.BlockParsers.FindExact<ParagraphBlockParser>() is { } paragraphs)
        {
            paragraphs.Closed -= OnClosed;
            paragraphs.Closed += OnClosed;
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void OnClosed(BlockProcessor processor, Block block)
    {
        if (block is HeadingBlock heading)
        {
            heading.ProcessInlinesEnd += AssignId;
        }
    }

    private static void AssignId(InlineProcessor processor, Inline? inline)
    {
        if (processor.Block is not HeadingBlock { Inline: { } content } heading || heading.GetAttributes() is not { Id: null } attributes)
        {
            return;
        }

        // A renderer sets up two dozen object renderers: one per thread, not one per heading.
        var (writer, renderer) = t_textRenderer ??= NewTextRenderer();
        writer.GetStringBuilder().Clear();
        renderer.Render(content);
        var slug = LinkHelper.UrilizeAsGfm(writer.ToString());
        var baseId = string.IsNullOrEmpty(slug) ? "section" : slug;

        if (processor.Document.GetData(TakenKey) is not TakenIds taken)
        {
            taken = new TakenIds();
            processor.Document.SetData(TakenKey, taken);
        }

        attributes.Id = taken.Claim(baseId);
    }

    private static (StringWriter, HtmlRenderer) NewTextRenderer()
    {
        var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        return (writer, new HtmlRenderer(writer) { EnableHtmlForInline = false, EnableHtmlEscape = false });
    }

    /// <summary>Ids given so far in one document, and per base id the next suffix worth trying.</summary>
    private sealed class TakenIds
    {
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _nextSuffix = new(StringComparer.Ordinal);

        public string Claim(string baseId)
        {
            if (_ids.Add(baseId))
            {
                return baseId;
            }

            // Every suffix below the remembered one is taken already (ids are never released), so the first free
            // one from there is the one Markdig's scan from 1 would have found.
            var suffix = _nextSuffix.GetValueOrDefault(baseId, 1);
            string id;
            while (!_ids.Add(id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{baseId}-{suffix}")))
            {
                suffix++;
            }

            _nextSuffix[baseId] = suffix + 1;
            return id;
        }
    }
}
