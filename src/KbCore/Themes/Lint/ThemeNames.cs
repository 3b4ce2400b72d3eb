using Fluid;
using Fluid.Ast;
using Fluid.Values;
using KbCore.Themes.Tags;

namespace KbCore.Themes.Lint;

/// <summary>
/// First pass of <see cref="ThemeLint"/> over one file: the variables it assigns anywhere (order and branches
/// ignored, so a variable assigned in one branch and read after it is not flagged), and the names it
/// passes to each partial it includes.
/// </summary>
internal sealed class ThemeNames : ThemeAstVisitor
{
    // Reading a string literal needs no state; the API asks for a context anyway.
    private static readonly TemplateContext NoContext = new(TemplateOptions.Default);

    public HashSet<string> Assigned { get; } = new(StringComparer.Ordinal);

    /// <summary>Partial (e.g. <c>partials/article-card</c>) to the names an include passes it.</summary>
    public Dictionary<string, HashSet<string>> Passed { get; } = new(StringComparer.Ordinal);

    protected override Statement VisitAssignStatement(AssignStatement assignStatement)
    {
        Assigned.Add(assignStatement.Identifier);
        return base.VisitAssignStatement(assignStatement);
    }

    protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
    {
        Assigned.Add(captureStatement.Identifier);
        return base.VisitCaptureStatement(captureStatement);
    }

    protected override Statement VisitIncrementStatement(IncrementStatement incrementStatement)
    {
        Assigned.Add(incrementStatement.Identifier);
        return base.VisitIncrementStatement(incrementStatement);
    }

    protected override Statement VisitDecrementStatement(DecrementStatement decrementStatement)
    {
        Assigned.Add(decrementStatement.Identifier);
        return base.VisitDecrementStatement(decrementStatement);
    }

    protected override Statement VisitMacroStatement(MacroStatement macroStatement)
    {
        Assigned.Add(macroStatement.Identifier);
        Assigned.UnionWith(macroStatement.Arguments.Select(a => a.Name).OfType<string>());
        return base.VisitMacroStatement(macroStatement);
    }

    protected override Statement VisitIncludeStatement(IncludeStatement includeStatement)
    {
        if (Literal(includeStatement.Path) is { } name)
        {
            Pass(name, includeStatement.AssignStatements, includeStatement.With ?? includeStatement.For, includeStatement.Alias);
        }

        VisitArguments(includeStatement.With, includeStatement.For, includeStatement.AssignStatements);
        return includeStatement;
    }

    protected override Statement VisitRenderStatement(RenderStatement renderStatement)
    {
        Pass(renderStatement.Path, renderStatement.AssignStatements, renderStatement.With ?? renderStatement.For, renderStatement.Alias);
        VisitArguments(renderStatement.With, renderStatement.For, renderStatement.AssignStatements);
        return renderStatement;
    }

    /// <summary>The partial an include names, when it is a string literal (nearly always).</summary>
    public static string? Literal(Expression path) =>
        path is LiteralExpression { Value: StringValue value } ? value.ToStringValue(NoContext) : null;

    /// <summary>Keyword arguments are assignments too, but only inside the partial: their values are read, their names not counted here.</summary>
    private void VisitArguments(Expression? with, Expression? bound, IReadOnlyList<AssignStatement> assigns)
    {
        Visit(with);
        Visit(bound);
        foreach (var assign in assigns)
        {
            Visit(assign.Value);
        }
    }

    private void Pass(string partial, IReadOnlyList<AssignStatement> assigns, Expression? bound, string? alias)
    {
        if (!Passed.TryGetValue(partial, out var names))
        {
            Passed[partial] = names = new HashSet<string>(StringComparer.Ordinal);
        }

        names.UnionWith(assigns.Select(a => a.Identifier));
        if (bound is not null)
        {
            // {% include 'card' with x %} binds x to the partial's own name, unless "as" names it.
            names.Add(alias ?? partial[(partial.LastIndexOf('/') + 1)..]);
        }
    }
}
