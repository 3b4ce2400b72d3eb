using System.Text.Encodings.Web;
using Fluid;
using KbCore.Themes.Tags;

namespace KbCore.Themes;

/// <summary>
/// A parsed theme file that names itself when it fails while rendering, so the error page says which
/// partial or layout broke (Fluid's render errors carry no file). The innermost file wins.
/// </summary>
internal sealed class NamedTemplate(IFluidTemplate inner, string file) : IFluidTemplate
{
    /// <summary>Fluid's template: a statement list.</summary>
    public IFluidTemplate Inner { get; } = inner;

    /// <summary>Theme-relative path, e.g. <c>midnight/partials/footer.liquid</c>.</summary>
    public string File { get; } = file;

    public async ValueTask RenderAsync(IFluidOutput output, TextEncoder encoder, TemplateContext context)
    {
        try
        {
            await Inner.RenderAsync(output, encoder, context);
        }
        catch (TemplateLineException e)
        {
            throw new ThemeException(File, e.Line, ThemeLimits.Describe(e.InnerException!), e.InnerException);
        }
        catch (Exception e) when (e is not ThemeException and not OperationCanceledException)
        {
            throw new ThemeException(File, 0, ThemeLimits.Describe(e), e);
        }
    }
}
