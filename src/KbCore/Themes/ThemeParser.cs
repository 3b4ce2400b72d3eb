using System.Globalization;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Ast;

namespace KbCore.Themes;

/// <summary>
/// The one Fluid parser every theme template goes through (it is thread-safe and costly to build), with the
/// Shopify <c>{% layout 'name' %}</c> tag.
/// </summary>
internal static partial class ThemeParser
{
    /// <summary>Where <c>{% layout %}</c> leaves the layout's name for <see cref="ThemeRenderer"/>.</summary>
    public const string LayoutKey = "kb.layout";

    private static readonly FluidParser Parser = Create();

    /// <exception cref="ThemeException">A syntax error, with the file and the line Fluid reports.</exception>
    public static IFluidTemplate Parse(string source, string file)
    {
        if (!Parser.TryParse(source, out var template, out var error))
        {
            var at = PositionRegex().Match(error);
            var line = at.Success ? int.Parse(at.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

            // Fluid appends the source line; the file and line number say where it is.
            var message = error.Split('\n')[0];
            throw new ThemeException(file, line, message);
        }

        return new NamedTemplate(template, file);
    }

    private static FluidParser Create()
    {
        var parser = new FluidParser();

        // {% layout 'layouts/default' %} or {% layout none %}: the page is rendered first, then its layout
        // around it as content_for_layout, like Shopify themes.
        parser.RegisterExpressionTag("layout", async (expression, _, _, context) =>
        {
            var value = await expression.EvaluateAsync(context);
            context.AmbientValues[LayoutKey] = value.IsNil() ? string.Empty : value.ToStringValue(context);
            return Completion.Normal;
        });
        return parser;
    }

    [GeneratedRegex(@"at \((\d+):(\d+)\)")]
    private static partial Regex PositionRegex();
}
