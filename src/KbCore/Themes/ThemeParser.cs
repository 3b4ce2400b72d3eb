using System.Globalization;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Ast;
using Fluid.Parser;
using KbCore.Themes.Tags;

namespace KbCore.Themes;

/// <summary>
/// The one Fluid parser every theme template goes through (it is thread-safe and costly to build); a parsed
/// template knows its file and the line of each tag and top-level output.
/// </summary>
internal static partial class ThemeParser
{
    private static readonly KbFluidParser Parser = new();

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

        return new NamedTemplate(Locate(template, source), file);
    }

    /// <summary>
    /// Gives the template's top-level outputs the line they are on: the end of the text before them. Tags know
    /// theirs from the parser, and an output inside a tag is reported at that tag.
    /// </summary>
    private static IFluidTemplate Locate(IFluidTemplate template, string source)
    {
        if (template is not IStatementList list)
        {
            return template;
        }

        var lines = new SourceLines(source);
        var line = 1;
        var located = new List<Statement>(list.Statements.Count);
        foreach (var statement in list.Statements)
        {
            switch (statement)
            {
                case TextSpanStatement text:
                    line = lines.LineAt(text.Text.Offset + text.Text.Length);
                    located.Add(text);
                    break;
                case LocatedStatement tag:
                    located.Add(tag);
                    break;
                default:
                    located.Add(new LocatedStatement(statement, line));
                    break;
            }
        }

        return new FluidTemplate(located);
    }

    [GeneratedRegex(@"at \((\d+):(\d+)\)")]
    private static partial Regex PositionRegex();
}
