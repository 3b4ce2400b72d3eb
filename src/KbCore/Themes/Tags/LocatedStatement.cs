using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;

namespace KbCore.Themes.Tags;

/// <summary>
/// A tag with the line it starts on. Fluid's syntax tree keeps no positions, so without this a render error
/// (a missing partial, a filter that throws, a limit hit inside a loop) could name its file but not its line.
/// The innermost located tag that fails names the line; <see cref="NamedTemplate"/> adds the file.
/// </summary>
internal sealed class LocatedStatement(Statement inner, int line) : Statement
{
    public Statement Inner { get; } = inner;

    public int Line { get; } = line;

    public override bool IsWhitespaceOrCommentOnly => Inner.IsWhitespaceOrCommentOnly;

    public override ValueTask<Completion> WriteToAsync(IFluidOutput output, TextEncoder encoder, TemplateContext context)
    {
        try
        {
            var task = Inner.WriteToAsync(output, encoder, context);
            return task.IsCompletedSuccessfully ? task : Awaited(task);
        }
        catch (Exception e) when (Locatable(e))
        {
            throw new TemplateLineException(Line, e);
        }
    }

    protected override Statement Accept(AstVisitor visitor) =>
        visitor is ThemeAstVisitor located ? located.VisitLocated(this) : visitor.VisitOtherStatement(this);

    private static bool Locatable(Exception e) =>
        e is not OperationCanceledException and not ThemeException and not TemplateLineException;

    private async ValueTask<Completion> Awaited(ValueTask<Completion> task)
    {
        try
        {
            return await task;
        }
        catch (Exception e) when (Locatable(e))
        {
            throw new TemplateLineException(Line, e);
        }
    }
}
