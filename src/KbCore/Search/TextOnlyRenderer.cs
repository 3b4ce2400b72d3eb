using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace KbCore.Search;

/// <summary>
/// Renders an extension's element as its words only. Markdig's renderers for alerts, footnotes, definition lists,
/// tables and task lists write their own tags whatever the HTML switches say (an alert's icon is an SVG path), and
/// the index must hold what a reader sees, not the markup around it. The inline elements it replaces (a footnote's
/// number, a task's checkbox) say nothing.
/// </summary>
/// <typeparam name="T">The element it replaces the renderer of.</typeparam>
internal sealed class TextOnlyRenderer<T> : HtmlObjectRenderer<T>
    where T : MarkdownObject
{
    protected override void Write(HtmlRenderer renderer, T obj)
    {
        switch (obj)
        {
            case ContainerBlock container:
                renderer.WriteChildren(container);
                renderer.EnsureLine();
                break;
            case LeafBlock leaf:
                renderer.WriteLeafInline(leaf);
                renderer.EnsureLine();
                break;
        }
    }
}
