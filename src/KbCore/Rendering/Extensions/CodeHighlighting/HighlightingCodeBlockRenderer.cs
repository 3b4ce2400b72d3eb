using System.Diagnostics;
using System.Text;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace KbCore.Rendering.Extensions.CodeHighlighting;

/// <summary>
/// Markdig's code block renderer, with the text of a fenced block in a language we know coloured by
/// <see cref="CodeHighlighter"/>. The structure stays Markdig's (<c>&lt;pre&gt;&lt;code class="language-…"&gt;</c>); indented
/// blocks, unknown languages and blocks past <see cref="ArticleLimits.MaxHighlightedCodeChars"/>,
/// <see cref="ArticleLimits.MaxHighlightedCodeLines"/> or this render's <see cref="ArticleLimits.HighlightBudget"/> render
/// exactly as before. One instance per <see cref="HtmlRenderer"/>, which renders one document on one thread: the
/// budget it counts is that document's.
/// </summary>
internal sealed class HighlightingCodeBlockRenderer : CodeBlockRenderer
{
    private long _spentTicks;

    protected override void Write(HtmlRenderer renderer, CodeBlock obj)
    {
        if (renderer.EnableHtmlForBlock && obj is FencedCodeBlock fenced && Highlight(fenced) is { } html)
        {
            renderer.EnsureLine();
            renderer.Write("<pre><code").WriteAttributes(obj).Write(">");
            renderer.Write(html);
            renderer.WriteLine("</code></pre>");
            renderer.EnsureLine();
            return;
        }

        base.Write(renderer, obj);
    }

    private string? Highlight(FencedCodeBlock block)
    {
        if (CodeHighlighter.Find(block.Info) is not { } language
            || block.Lines.Count is 0 or > ArticleLimits.MaxHighlightedCodeLines
            || Stopwatch.GetElapsedTime(0, _spentTicks) > ArticleLimits.HighlightBudget)
        {
            return null;
        }

        var code = Text(block);
        if (code.Length > ArticleLimits.MaxHighlightedCodeChars)
        {
            return null;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            return CodeHighlighter.Highlight(code, language);
        }
        finally
        {
            _spentTicks += Stopwatch.GetTimestamp() - started;
        }
    }

    /// <summary>The block's text as Markdig writes it: every line, each followed by a line feed.</summary>
    private static string Text(FencedCodeBlock block)
    {
        var text = new StringBuilder();
        var lines = block.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            text.Append(lines.Lines[i].Slice.AsSpan()).Append('\n');
        }

        return text.ToString();
    }
}
