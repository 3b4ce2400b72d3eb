using System.Text;
using static KbCore.Rendering.ArticleLimits;

namespace KbCore.Tests.Infrastructure;

/// <summary>
/// Markdown shaped to hurt a renderer, generated at any size: the cases attackers push to wikis (after cmark's
/// pathological tests and the measurements in issue 16). Each sits exactly at its limit at <see cref="PathologicalCase.JustUnder"/>
/// and breaks it one step further. Shared with bench/KbRenderBench, which links this file.
/// </summary>
public static class PathologicalMarkdown
{
    public static IReadOnlyList<PathologicalCase> Cases { get; } =
    [
        new("duplicate-headings", n => Repeat(n, _ => "## Same\n\n"), MaxHeadings, "headings"),
        new("distinct-headings", n => Repeat(n, i => $"## Heading {i}\n\n"), MaxHeadings, "headings"),
        new("setext-and-rules", n => Repeat(n, i => i % 2 == 0 ? "a\n---\n" : "***\n"), MaxHeadings * 2, "headings"),
        new("wide-table", n => Row(n, "h") + Row(n, "-") + Row(n, "c") + Row(n, "c"), MaxTableColumns, "table-columns"),
        new("tall-table", n => Row(3, "h") + Row(3, "-") + Repeat(n, i => $"| {i} | b | c |\n"), (MaxTableCells - 3) / 3, "table-cells"),
        new("nested-divs", n => Times("<div>", n) + "x" + Times("</div>", n) + "\n", MaxNesting, "html"),
        new("nested-lists", n => Repeat(n, i => new string(' ', 2 * i) + "* a\n"), MaxNesting, "nesting"),
        new("nested-quotes", n => new string('>', n) + " a\n", MaxNesting, "nesting"),
        new("nested-emphasis", n => Times("*a **a ", n) + "b" + Times(" a** a*", n) + "\n", MaxNesting / 2, "emphasis"),
        new("emphasis-openers", n => Times("_a ", n) + "\n", MaxNesting, "emphasis"),
        new("emphasis-openers-lines", n => Repeat(n, _ => "_a\n"), MaxNesting, "emphasis"),
        new("unclosed-destinations", n => Times("[a](b", n) + "\n", MaxLinks, "links"),
        new("unclosed-destinations-lines", n => Repeat(n, _ => "[a](b\n"), MaxLinks, "links"),
        new("unclosed-angle-destinations", n => Times("[a](<b", n) + "\n", MaxNesting, "html"),
        new("paren-pattern", n => Times("[ (](", n) + "\n", MaxLinks, "links"),
        new("paren-pattern-lines", n => Repeat(n, _ => "[ (](\n"), MaxLinks, "links"),
        new("paren-pattern-table", n => Row(2, "h") + Row(2, "-") + Repeat(n, _ => "| [ (]( | x |\n"), MaxLinks, "links"),
        new("nested-brackets", n => new string('[', n) + "a" + new string(']', n) + "\n", MaxLinks, "links"),
        new("many-links", n => Repeat(n, i => $"- [link {i}](https://example.com/{i})\n"), MaxLinks, "links"),
        new("footnotes", n => Repeat(n, i => $"Text[^{i}]\n\n") + Repeat(n, i => $"[^{i}]: Note {i}\n"), MaxFootnotes / 2, "footnotes"),
        new("long-line", n => Times("word ", (n / 5) + 1)[..n] + "\n", MaxLineChars, "line"),
        new("long-paragraph", n => Repeat(n, _ => "word word word words\n"), MaxParagraphChars / 20, "paragraph"),
        new("many-paragraphs", n => Repeat(n, i => $"Paragraph {i}.\n\n"), MaxBlocks, "blocks"),
        new("long-list", n => Repeat(n, i => $"- item {i}\n"), MaxBlocks, "blocks"),
    ];

    public static PathologicalCase Case(string name) => Cases.Single(c => c.Name == name);

    private static string Times(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string Repeat(int count, Func<int, string> line)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(line(i));
        }

        return builder.ToString();
    }

    private static string Row(int columns, string cell) => "|" + Times($" {cell} |", columns) + "\n";
}
