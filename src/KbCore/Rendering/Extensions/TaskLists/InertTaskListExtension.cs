using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers;

namespace KbCore.Rendering.Extensions.TaskLists;

/// <summary>Swaps Markdig's task-list renderer (an <c>&lt;input type="checkbox"&gt;</c>) for <see cref="InertTaskListRenderer"/>.</summary>
internal sealed class InertTaskListExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.RemoveAll(r => r is HtmlTaskListRenderer);
            html.ObjectRenderers.AddIfNotAlready<InertTaskListRenderer>();
        }
    }
}
