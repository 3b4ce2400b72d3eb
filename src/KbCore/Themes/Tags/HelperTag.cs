using Fluid;
using Fluid.Ast;
using Fluid.Values;
using Parlot;

namespace KbCore.Themes.Tags;

/// <summary>
/// A tag that is an include of a theme partial with arguments taken from the page by default:
/// <c>{% breadcrumbs %}</c> is <c>{% include 'partials/breadcrumbs', crumbs: page.breadcrumbs %}</c>.
/// Named arguments are passed on and win over the defaults. The markup stays the theme's: a theme changes
/// it by shipping its own partial.
/// </summary>
/// <param name="Name">The tag, e.g. <c>breadcrumbs</c>.</param>
/// <param name="Partial">The partial it renders, e.g. <c>partials/breadcrumbs</c>.</param>
/// <param name="Defaults">Argument name to a member path read from the page, e.g. <c>crumbs</c> to <c>page.breadcrumbs</c>.</param>
/// <param name="Optional">The other arguments the partial reads (docs/themes.md lists them), e.g. <c>current</c>.</param>
internal sealed record HelperTag(string Name, string Partial, IReadOnlyDictionary<string, string> Defaults, IReadOnlyList<string> Optional)
{
    public Statement ToInclude(FluidParser parser, IReadOnlyList<FilterArgument> arguments, TextPosition position)
    {
        var assigns = new List<AssignStatement>();
        foreach (var argument in arguments)
        {
            if (argument.Name is null)
            {
                throw new Parlot.ParseException($"'{Name}' takes named arguments, e.g. {{% {Name} {Example} %}}", position);
            }

            assigns.Add(new AssignStatement(argument.Name, argument.Expression));
        }

        foreach (var (name, path) in Defaults)
        {
            if (!assigns.Exists(a => a.Identifier == name))
            {
                assigns.Insert(0, new AssignStatement(name, Member(path)));
            }
        }

        return new IncludeStatement(parser, new LiteralExpression(StringValue.Create(Partial)), assignStatements: assigns);
    }

    private string Example => Defaults.Count > 0 ? $"{Defaults.Keys.First()}: …" : "name: 'value'";

    private static MemberExpression Member(string path) =>
        new(path.Split('.').Select(segment => (MemberSegment)new IdentifierSegment(segment)).ToList());
}
