using Fluid;
using Fluid.Ast;
using Fluid.Values;
using Parlot.Fluent;

namespace KbCore.Themes.Tags;

/// <summary>
/// Fluid's parser with the tags KnowledgeBase adds (<c>layout</c> and the helper tags of
/// <see cref="HelperTags"/>), every tag wrapped so it knows its line.
/// </summary>
internal sealed class KbFluidParser : FluidParser
{
    /// <summary>Where <c>{% layout %}</c> leaves the layout's name for <see cref="ThemeRenderer"/>.</summary>
    public const string LayoutKey = "kb.layout";

    public KbFluidParser()
    {
        // {% layout 'layouts/default' %} or {% layout none %}: the page is rendered first, then its layout
        // around it as content_for_layout, like Shopify themes.
        RegisterExpressionTag("layout", async (expression, _, _, context) =>
        {
            var value = await expression.EvaluateAsync(context);
            context.AmbientValues[LayoutKey] = value.IsNil() ? string.Empty : value.ToStringValue(context);
            return Completion.Normal;
        });

        var arguments = TagEnd.Then<IReadOnlyList<FilterArgument>>(_ => []).Or(ArgumentsList.AndSkip(TagEnd));
        foreach (var helper in HelperTags.All)
        {
            RegisteredTags[helper.Name] = arguments.Then<Statement>((context, list) => helper.ToInclude(this, list, context.Scanner.Cursor.Position));
        }

        foreach (var name in RegisteredTags.Keys.ToList())
        {
            RegisteredTags[name] = new LocatedTagParser(RegisteredTags[name]) { Name = name };
        }
    }
}
