using Fluid.Ast;

namespace KbCore.Themes.Tags;

/// <summary>Fluid's syntax-tree walk, seeing through the statements KnowledgeBase adds.</summary>
internal class ThemeAstVisitor : AstVisitor
{
    public virtual Statement VisitLocated(LocatedStatement located)
    {
        ArgumentNullException.ThrowIfNull(located);
        Visit(located.Inner);
        return located;
    }
}
