using DotLiquid;
using DotLiquid.FileSystems;

namespace KbCore.Themes;

/// <summary>
/// DotLiquid's template loader for <c>include</c> and <c>extends</c>. DotLiquid reads it from a static,
/// so the render in progress (which theme, from which folder) travels in an <see cref="AsyncLocal{T}"/>:
/// several renderers (tests, or future per-site themes) can render side by side.
/// </summary>
internal sealed class ThemeFileSystem : ITemplateFileSystem
{
    private static readonly AsyncLocal<(ThemeTemplateCache Cache, string Theme)?> CurrentRender = new();

    private ThemeFileSystem()
    {
    }

    public static ThemeFileSystem Instance { get; } = new();

    public static (ThemeTemplateCache Cache, string Theme)? Current
    {
        get => CurrentRender.Value;
        set => CurrentRender.Value = value;
    }

    public string ReadTemplateFile(Context context, string templateName) =>
        throw new NotSupportedException("templates are loaded parsed, through GetTemplate");

    public Template GetTemplate(Context context, string templateName)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(templateName);
        var (cache, theme) = Current ?? throw new InvalidOperationException("no theme render in progress");

        // DotLiquid passes the name as written, quotes included: evaluate it like Liquid would.
        var name = context[templateName] as string ?? templateName.Trim('\'', '"');
        return cache.Get(theme, name);
    }
}
