using Fluid.Ast;
using Fluid.Values;

namespace KbCore.Themes;

/// <summary>
/// Fluid writes the items of an array unencoded (<c>{{ page.tags }}</c>, <c>{{ page.title | split: ' ' }}</c>):
/// every output statement of a theme goes through <see cref="EncodedOutput"/>, which turns arrays into one
/// string the encoder then escapes.
/// </summary>
internal sealed class EncodeEveryOutput : AstRewriter
{
    protected override Statement VisitOutputStatement(OutputStatement outputStatement) =>
        outputStatement.Expression is EncodedOutput ? outputStatement : new OutputStatement(new EncodedOutput(outputStatement.Expression));

    private sealed class EncodedOutput(Expression inner) : Expression
    {
        public override async ValueTask<FluidValue> EvaluateAsync(Fluid.TemplateContext context)
        {
            var value = await inner.EvaluateAsync(context);
            return value is ArrayValue ? StringValue.Create(value.ToStringValue(context)) : value;
        }
    }
}
