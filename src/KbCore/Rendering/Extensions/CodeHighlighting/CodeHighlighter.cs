using System.Collections.Frozen;
using System.Text.RegularExpressions;
using ColorCode;
using ColorCode.Common;
using ColorCode.Parsing;

namespace KbCore.Rendering.Extensions.CodeHighlighting;

/// <summary>
/// Colours the text of one code block with ColorCode's <see cref="HtmlClassFormatter"/>: HTML-escaped text and spans
/// carrying <see cref="CodeTokenClasses"/>, never a style attribute. Thread-safe: the parser and compiled languages are
/// shared and immutable, and each call gets its own formatter (a formatter keeps its writer in a field).
/// </summary>
internal static class CodeHighlighter
{
    /// <summary>How long one regex match may run before the block is given up on (see <see cref="TimedLanguageCompiler"/>).</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    // The fence names authors write, to ColorCode's language ids. An explicit list rather than ColorCode's own lookup:
    // that one also answers to names like "cake" and "aspx", and this list is what docs/themes.md promises.
    private static readonly FrozenDictionary<string, string> LanguageIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["csharp"] = LanguageId.CSharp, ["cs"] = LanguageId.CSharp, ["c#"] = LanguageId.CSharp,
        ["javascript"] = LanguageId.JavaScript, ["js"] = LanguageId.JavaScript, ["jsx"] = LanguageId.JavaScript, ["mjs"] = LanguageId.JavaScript,
        ["typescript"] = LanguageId.TypeScript, ["ts"] = LanguageId.TypeScript, ["tsx"] = LanguageId.TypeScript,
        ["json"] = LanguageId.Json, ["jsonc"] = LanguageId.Json,
        ["sql"] = LanguageId.Sql,
        ["python"] = LanguageId.Python, ["py"] = LanguageId.Python,
        ["html"] = LanguageId.Html, ["htm"] = LanguageId.Html,
        ["xml"] = LanguageId.Xml, ["xaml"] = LanguageId.Xml, ["csproj"] = LanguageId.Xml, ["svg"] = LanguageId.Xml,
        ["powershell"] = LanguageId.PowerShell, ["ps1"] = LanguageId.PowerShell, ["pwsh"] = LanguageId.PowerShell, ["ps"] = LanguageId.PowerShell,
        ["css"] = LanguageId.Css,
        ["java"] = LanguageId.Java,
        ["cpp"] = LanguageId.Cpp, ["c++"] = LanguageId.Cpp, ["c"] = LanguageId.Cpp,
        ["php"] = LanguageId.Php,
        ["fsharp"] = LanguageId.FSharp, ["fs"] = LanguageId.FSharp, ["f#"] = LanguageId.FSharp,
        ["vb"] = LanguageId.VbDotNet, ["vbnet"] = LanguageId.VbDotNet, ["vb.net"] = LanguageId.VbDotNet,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly ILanguageParser Parser = new LanguageParser(
        new TimedLanguageCompiler(MatchTimeout),
        new LanguageRepository(Languages.All.ToDictionary(l => l.Id, StringComparer.Ordinal)));

    /// <summary>The fence names that get colours (case-insensitive); any other shows as plain text.</summary>
    public static IEnumerable<string> Names => LanguageIds.Keys;

    /// <summary>The language a fence's info word names, or null when it names none we colour.</summary>
    public static ILanguage? Find(string? info) =>
        info is { Length: > 0 } && LanguageIds.TryGetValue(info, out var id) ? Languages.FindById(id) : null;

    /// <summary>
    /// The inner HTML of <c>&lt;code&gt;</c> for <paramref name="code"/>, or null when it cannot be coloured in
    /// time (the caller shows it plain). Its text content is exactly <paramref name="code"/>.
    /// </summary>
    public static string? Highlight(string code, ILanguage language)
    {
        string html;
        try
        {
            html = new HtmlClassFormatter(CodeTokenClasses.Styles, Parser).GetHtmlString(code, language);
        }
        catch (Exception e) when (e is RegexMatchTimeoutException or ArgumentException or InvalidOperationException)
        {
            // A regex that ran out of time, or ColorCode tripping over its own scopes (it throws these for nested
            // languages it cannot place): the block is shown plain, the article is not lost.
            return null;
        }

        return Unwrap(html);
    }

    /// <summary>
    /// The formatter wraps its output in <c>&lt;div class="lang"&gt;&lt;pre&gt;</c> and a line break each side; the
    /// article keeps Markdig's <c>&lt;pre&gt;&lt;code class="language-…"&gt;</c>, which themes and the copy button rely on.
    /// </summary>
    private static string? Unwrap(string html)
    {
        var open = "<pre>" + Environment.NewLine;
        var close = Environment.NewLine + "</pre></div>";
        var start = html.IndexOf(open, StringComparison.Ordinal);
        if (start < 0 || !html.EndsWith(close, StringComparison.Ordinal) || start + open.Length > html.Length - close.Length)
        {
            return null; // a ColorCode version that wraps differently: plain is still correct
        }

        start += open.Length;
        return html[start..^close.Length];
    }
}
