using Fluid.Ast;
using Parlot;
using Parlot.Fluent;

namespace KbCore.Themes.Tags;

/// <summary>Parses a tag with Fluid's own parser, wrapping the result in a <see cref="LocatedStatement"/> with the line the tag starts on.</summary>
internal sealed class LocatedTagParser(Parser<Statement> inner) : Parser<Statement>
{
    public override bool Parse(ParseContext context, ref ParseResult<Statement> result)
    {
        var line = context.Scanner.Cursor.Position.Line;
        if (!inner.Parse(context, ref result))
        {
            return false;
        }

        result = new ParseResult<Statement>(result.Start, result.End, new LocatedStatement(result.Value, line));
        return true;
    }
}
