using Fluid;
using Fluid.Ast;
using KbCore.Themes.Tags;

namespace KbCore.Themes.Lint;

/// <summary>
/// Second pass of <see cref="ThemeLint"/> over one file: every variable read is one the file can see, every
/// member path exists on the view record it reads, every filter is registered. Findings carry the line of
/// the tag they are in, or of the text before the output they are in.
/// </summary>
internal sealed class ThemeLintVisitor(
    string file,
    SourceLines lines,
    IReadOnlyDictionary<string, Type?> visible,
    FilterCollection filters,
    Func<string, bool> partialExists,
    bool callersKnown) : ThemeAstVisitor
{
    /// <summary>The type of <c>page</c> in a partial or layout: any page's, so a member is known when some page has it.</summary>
    public static readonly Type AnyPage = typeof(ThemePages);

    private readonly List<Dictionary<string, Type?>> _loops = [];
    private int _line = 1;

    public List<ThemeException> Findings { get; } = [];

    public override Statement VisitLocated(LocatedStatement located)
    {
        ArgumentNullException.ThrowIfNull(located);
        _line = located.Line;
        return base.VisitLocated(located);
    }

    protected override Statement VisitTextSpanStatement(TextSpanStatement textSpanStatement)
    {
        _line = lines.LineAt(textSpanStatement.Text.Offset + textSpanStatement.Text.Length);
        return textSpanStatement;
    }

    protected override Expression VisitFilterExpression(FilterExpression filterExpression)
    {
        if (!filters.TryGetValue(filterExpression.Name, out _))
        {
            Report($"unknown filter '{filterExpression.Name}'");
        }

        return base.VisitFilterExpression(filterExpression);
    }

    protected override Expression VisitMemberExpression(MemberExpression memberExpression)
    {
        Resolve(memberExpression, report: true);
        foreach (var indexer in memberExpression.Segments.OfType<IndexerSegment>())
        {
            Visit(indexer.Expression);
        }

        return memberExpression;
    }

    protected override Statement VisitIncludeStatement(IncludeStatement includeStatement)
    {
        if (ThemeNames.Literal(includeStatement.Path) is { } path && !partialExists(path))
        {
            Report($"'{path}' is not a partial of this theme or of default");
        }

        return base.VisitIncludeStatement(includeStatement);
    }

    protected override Statement VisitRenderStatement(RenderStatement renderStatement)
    {
        if (!partialExists(renderStatement.Path))
        {
            Report($"'{renderStatement.Path}' is not a partial of this theme or of default");
        }

        return base.VisitRenderStatement(renderStatement);
    }

    protected override Statement VisitForStatement(ForStatement forStatement)
    {
        Visit(forStatement.Source);
        Visit(forStatement.Limit);
        Visit(forStatement.Offset);
        var item = forStatement.Source is MemberExpression source ? Resolve(source, report: false) : null;
        _loops.Add(new(StringComparer.Ordinal)
        {
            [forStatement.Identifier] = item is null ? null : ViewMembers.Element(item),
            ["forloop"] = null,
        });
        foreach (var statement in forStatement.Statements)
        {
            Visit(statement);
        }

        _loops.RemoveAt(_loops.Count - 1);
        Visit(forStatement.Else);
        return forStatement;
    }

    protected override Statement VisitTableRowStatement(TableRowStatement tableRowStatement)
    {
        _loops.Add(new(StringComparer.Ordinal) { [tableRowStatement.Identifier] = null, ["tablerowloop"] = null });
        base.VisitTableRowStatement(tableRowStatement);
        _loops.RemoveAt(_loops.Count - 1);
        return tableRowStatement;
    }

    /// <summary>The type a member path reads, or null when it cannot be known (an assigned variable, a dictionary value).</summary>
    private Type? Resolve(MemberExpression expression, bool report)
    {
        if (expression.Segments[0] is not IdentifierSegment { Identifier: var root })
        {
            return null;
        }

        if (!TryFind(root, out var type))
        {
            // A partial nothing includes has no known callers, so no known parameters: only its members and filters are checked.
            if (report && callersKnown)
            {
                Report($"unknown variable '{root}'");
            }

            return null;
        }

        var path = root;
        foreach (var segment in expression.Segments.Skip(1))
        {
            if (type is null || segment is not IdentifierSegment { Identifier: var name })
            {
                return null;
            }

            var owner = type;
            var known = owner == AnyPage
                ? ThemePages.Models.Values.Any(page => ViewMembers.TryGet(page, name, out _))
                : ViewMembers.TryGet(owner, name, out type);
            if (!known)
            {
                if (report)
                {
                    Report(owner == AnyPage
                        ? $"unknown member '{path}.{name}': no page has '{name}'"
                        : $"unknown member '{path}.{name}': {Words(owner)} has no '{name}'");
                }

                return null;
            }

            type = owner == AnyPage ? null : type;
            path += "." + name;
        }

        return type;
    }

    private bool TryFind(string name, out Type? type)
    {
        for (var i = _loops.Count - 1; i >= 0; i--)
        {
            if (_loops[i].TryGetValue(name, out type))
            {
                return true;
            }
        }

        return visible.TryGetValue(name, out type);
    }

    /// <summary>A record as docs/themes.md names it: <c>ArticleSummaryView</c> is "article summary".</summary>
    private static string Words(Type type) =>
        string.Join(' ', ViewMemberAccess.SnakeCase(type.Name.EndsWith("View", StringComparison.Ordinal) ? type.Name[..^4] : type.Name).Split('_'));

    private void Report(string message)
    {
        if (!Findings.Exists(f => f.Line == _line && f.Message.EndsWith(message, StringComparison.Ordinal)))
        {
            Findings.Add(new ThemeException(file, _line, message));
        }
    }
}
