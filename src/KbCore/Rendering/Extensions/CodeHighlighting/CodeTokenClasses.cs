using System.Collections.Frozen;
using ColorCode.Common;
using ColorCode.Styling;

namespace KbCore.Rendering.Extensions.CodeHighlighting;

/// <summary>
/// The token classes a highlighted code block carries, the whole vocabulary a theme styles. ColorCode names dozens of
/// scopes (one per language feature); they fold into these few so a theme needs one colour per kind of token, not per
/// language. A scope not listed here still gets its span, without a class, and shows in the block's text colour.
/// </summary>
public static class CodeTokenClasses
{
    public const string Comment = "hl-comment";
    public const string Keyword = "hl-keyword";
    public const string StringLiteral = "hl-string";
    public const string Number = "hl-number";
    public const string Literal = "hl-literal";
    public const string Type = "hl-type";
    public const string Tag = "hl-tag";
    public const string Attribute = "hl-attr";
    public const string Function = "hl-function";
    public const string Variable = "hl-variable";
    public const string Meta = "hl-meta";

    private static readonly (string Class, string[] Scopes)[] Map =
    [
        (Comment, [ScopeName.Comment, ScopeName.HtmlComment, ScopeName.XmlComment, ScopeName.XmlDocComment, ScopeName.XmlDocTag]),
        (Keyword, [ScopeName.Keyword, ScopeName.ControlKeyword, ScopeName.PseudoKeyword, ScopeName.MarkdownHeader]),
        (StringLiteral, [ScopeName.String, ScopeName.StringCSharpVerbatim, ScopeName.JsonString, ScopeName.HtmlAttributeValue,
            ScopeName.XmlAttributeValue, ScopeName.XmlAttributeQuotes, ScopeName.XmlCDataSection, ScopeName.MarkdownCode]),
        (Number, [ScopeName.Number, ScopeName.JsonNumber]),
        (Literal, [ScopeName.JsonConst, ScopeName.BuiltinValue, ScopeName.HtmlEntity, ScopeName.StringEscape, ScopeName.SpecialCharacter]),
        (Type, [ScopeName.Type, ScopeName.ClassName, ScopeName.TypeVariable, ScopeName.NameSpace, ScopeName.PowerShellType,
            ScopeName.Constructor, ScopeName.Predefined]),
        (Tag, [ScopeName.HtmlElementName, ScopeName.XmlName, ScopeName.HtmlTagDelimiter, ScopeName.XmlDelimiter, ScopeName.CssSelector]),
        (Attribute, [ScopeName.HtmlAttributeName, ScopeName.XmlAttribute, ScopeName.CssPropertyName, ScopeName.JsonKey,
            ScopeName.PowerShellParameter]),
        (Function, [ScopeName.SqlSystemFunction, ScopeName.BuiltinFunction, ScopeName.PowerShellCommand, ScopeName.Intrinsic]),
        (Variable, [ScopeName.PowerShellVariable]),
        (Meta, [ScopeName.PreprocessorKeyword, ScopeName.HtmlServerSideScript, ScopeName.PowerShellAttribute, ScopeName.Attribute,
            ScopeName.MarkdownListItem]),
    ];

    /// <summary>Every class above: the sanitizer keeps these, and only on a span inside <c>pre &gt; code</c>.</summary>
    public static FrozenSet<string> All { get; } = Map.Select(m => m.Class).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// ColorCode's styles with our class names and no colours: the HTML carries classes only, and themes colour them.
    /// Read-only after construction, so one instance serves every formatter.
    /// </summary>
    internal static StyleDictionary Styles { get; } = CreateStyles();

    private static StyleDictionary CreateStyles()
    {
        var styles = new StyleDictionary();
        foreach (var (cssClass, scopes) in Map)
        {
            foreach (var scope in scopes)
            {
                styles.Add(new Style(scope) { ReferenceName = cssClass });
            }
        }

        return styles;
    }
}
