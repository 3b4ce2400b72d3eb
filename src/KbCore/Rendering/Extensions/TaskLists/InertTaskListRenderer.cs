using Markdig.Extensions.TaskLists;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace KbCore.Rendering.Extensions.TaskLists;

/// <summary>
/// A task list's box as an inert element instead of an <c>&lt;input&gt;</c>: articles carry no form controls at all,
/// so the sanitizer allows none. The sanitizer gives it its checkbox role and state (<see cref="ArticleHtmlSanitizer"/>).
/// </summary>
internal sealed class InertTaskListRenderer : HtmlObjectRenderer<TaskList>
{
    public const string BoxClass = "task-list-item-checkbox";
    public const string CheckedClass = "task-list-item-checked";

    protected override void Write(HtmlRenderer renderer, TaskList obj)
    {
        if (!renderer.EnableHtmlForInline)
        {
            renderer.Write(obj.Checked ? "[x] " : "[ ] ");
            return;
        }

        renderer.Write(obj.Checked ? $"<span class=\"{BoxClass} {CheckedClass}\"></span>" : $"<span class=\"{BoxClass}\"></span>");
    }
}
