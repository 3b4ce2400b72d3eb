using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KbCore.Articles;

/// <summary>
/// Writes a text value as a YAML scalar in a given quote style, falling back to a stronger one only when the value
/// needs it: plain, then single quotes, then double quotes (the only style that can hold every character).
/// Plain is refused for anything a YAML 1.1 or 1.2 reader would take for a number, boolean, null or date, so a title
/// stays text in every tool that reads the repository.
/// </summary>
internal static partial class YamlScalarText
{
    /// <summary>The scalar for <paramref name="value"/>; <paramref name="quote"/> is <c>'</c>, <c>"</c> or <c>\0</c> for plain.</summary>
    /// <param name="inFlow">Inside <c>[...]</c>, where commas and brackets end a plain scalar.</param>
    /// <param name="allowDate">A date is what the key means (<c>review_by</c>): plain <c>2027-03-31</c> is right.</param>
    public static string Write(string value, char quote, bool inFlow, bool allowDate = false) => quote switch
    {
        '"' => Double(value),
        '\'' => CanSingle(value) ? Single(value) : Double(value),
        _ when IsPlainSafe(value, inFlow, allowDate) => value,
        _ => CanSingle(value) ? Single(value) : Double(value),
    };

    /// <summary>The quote character a scalar's text starts with, or <c>\0</c> for a plain scalar.</summary>
    public static char QuoteOf(string text) => text.Length > 0 && text[0] is '"' or '\'' ? text[0] : '\0';

    public static bool IsPlainSafe(string value, bool inFlow, bool allowDate)
    {
        if (value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || value.Any(IsSpecialChar))
        {
            return false;
        }

        if ("-?:,[]{}#&*!|>'\"%@`".Contains(value[0], StringComparison.Ordinal) ||
            value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal) || value.EndsWith(':'))
        {
            return false;
        }

        if (inFlow && value.IndexOfAny([',', '[', ']', '{', '}']) >= 0)
        {
            return false;
        }

        if (Reserved().IsMatch(value) || Number().IsMatch(value))
        {
            return false;
        }

        return allowDate || !Date().IsMatch(value);
    }

    public static bool CanSingle(string value) => !value.Any(IsSpecialChar);

    public static string Single(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Double(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                '\0' => "\\0",
                _ when IsSpecialChar(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    /// <summary>Characters no plain or single-quoted scalar can carry as they are: controls, line and byte-order marks.</summary>
    private static bool IsSpecialChar(char c) => char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029' or '\uFEFF';

    [GeneratedRegex("^(~|null|true|false|yes|no|on|off|y|n|=|<<)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reserved();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", RegexOptions.CultureInvariant)]
    private static partial Regex Date();
}
