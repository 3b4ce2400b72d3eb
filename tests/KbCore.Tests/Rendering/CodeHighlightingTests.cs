using System.Diagnostics;
using AngleSharp.Dom;
using KbCore.Rendering;
using KbCore.Rendering.Extensions.CodeHighlighting;
using KbCore.Tests.Infrastructure;
using Markdig;

namespace KbCore.Tests.Rendering;

/// <summary>Fenced code in a known language is coloured with classes only, survives the sanitizer, and keeps its text.</summary>
public class CodeHighlightingTests
{
    private const string CSharp =
        "// Reads the <config> & \"quotes\"\npublic sealed class Greeter\n{\n    public string Greet(string name) => $\"Hello, {name}!\";\n    private const int Max = 42;\n}\n";

    [Fact]
    public void Render_CsharpBlock_TokensInClassedSpansAndTextUnchanged()
    {
        // Act
        var (result, dom, _) = ArticleRendering.Render("```csharp\n" + CSharp + "```\n");

        // Assert
        Assert.Null(result.Error);
        var code = Assert.Single(dom.QuerySelectorAll("pre > code"));
        Assert.Equal(["language-csharp"], code.ClassList);
        Assert.Equal(CSharp, code.TextContent);
        Assert.Equal(["public", "sealed", "class", "public", "string", "string", "private", "const", "int"], Tokens(code, CodeTokenClasses.Keyword));
        Assert.Equal(["// Reads the <config> & \"quotes\""], Tokens(code, CodeTokenClasses.Comment));
        Assert.Equal(["42"], Tokens(code, CodeTokenClasses.Number));
        Assert.Contains(code.QuerySelectorAll("span." + CodeTokenClasses.StringLiteral), s => s.TextContent.Contains("Hello", StringComparison.Ordinal));
        Assert.All(code.QuerySelectorAll("span[class]"), s => Assert.Subset(CodeTokenClasses.All.ToHashSet(), s.ClassList.ToHashSet()));
        Assert.Empty(dom.QuerySelectorAll("[style]"));
        SafeHtml.AssertSafe(dom);
    }

    [Theory]
    [InlineData("csharp", CSharp)]
    [InlineData("js", "const answer = { 'a': \"<b>\" }; // done\nfunction f(x) { return x * 2; }\n")]
    [InlineData("json", "{ \"name\": \"kb\", \"port\": 8080, \"debug\": false, \"tags\": [null] }\n")]
    [InlineData("sql", "SELECT id, COUNT(*) FROM articles WHERE title LIKE '%<x>%' -- note\nGROUP BY id;\n")]
    [InlineData("python", "def greet(name):\n    \"\"\"Say hi.\"\"\"\n    return f\"hi {name}\"  # comment\n")]
    [InlineData("html", "<a href=\"/x?a=1&amp;b=2\" title='t'>Link</a>\n<script>alert(1)</script>\n")]
    [InlineData("xml", "<?xml version=\"1.0\"?>\n<root attr=\"v\"><![CDATA[ <x> ]]><!-- c --></root>\n")]
    [InlineData("powershell", "Get-ChildItem -Path $env:TEMP | Where-Object { $_.Length -gt 1kb } # big\n")]
    public void Render_KnownLanguage_HighlightSurvivesTheSanitizerUnchanged(string info, string source)
    {
        // Arrange
        var markdown = $"```{info}\n{source}```\n";
        var unsanitized = Html.Parse(Markdown.ToHtml(markdown, KbMarkdownPipeline.Instance)).QuerySelector("pre > code")!;

        // Act
        var (_, dom, _) = ArticleRendering.Render(markdown);

        // Assert: the same spans with the same classes and the same text, and nothing styled inline.
        var code = Assert.Single(dom.QuerySelectorAll("pre > code"));
        Assert.NotEmpty(code.QuerySelectorAll("span[class^='hl-']"));
        Assert.Equal(Structure(unsanitized), Structure(code));
        Assert.Equal(source, code.TextContent);
        Assert.Empty(dom.QuerySelectorAll("[style]"));
        SafeHtml.AssertSafe(dom);
    }

    [Theory]
    [InlineData("yaml", "language-yaml")]
    [InlineData("bash", "language-bash")]
    [InlineData("no-such-language", "language-no-such-language")]
    [InlineData("", null)]
    public void Render_UnknownOrMissingLanguage_PlainEscapedText(string info, string? expectedClass)
    {
        // Arrange
        const string source = "key: <b>bold</b> & \"value\"\necho $HOME\n";

        // Act
        var (result, dom, _) = ArticleRendering.Render($"```{info}\n{source}```\n");

        // Assert
        Assert.Null(result.Error);
        var code = Assert.Single(dom.QuerySelectorAll("pre > code"));
        Assert.Empty(code.Children);
        Assert.Equal(source, code.TextContent);
        Assert.Equal(expectedClass, code.GetAttribute("class"));
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt; &amp;", result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HighlightedCodeClosingItsOwnElements_StaysText()
    {
        // Arrange
        const string source = "</code></pre><script>alert(1)</script><pre><code>\n";

        // Act
        var (_, dom, _) = ArticleRendering.Render("```html\n" + source + "```\n");

        // Assert
        var code = Assert.Single(dom.QuerySelectorAll("pre > code"));
        Assert.NotEmpty(code.QuerySelectorAll("span." + CodeTokenClasses.Tag));
        Assert.Equal(source, code.TextContent);
        Assert.Single(dom.QuerySelectorAll("pre"));
        SafeHtml.AssertSafe(dom);
    }

    [Fact]
    public void Render_BlockPastTheCharacterLimit_PlainText()
    {
        // Arrange: lines well within the article limits, the block past the highlighting one.
        var line = "var total = items.Sum(i => i.Price * i.Quantity); // running total\n";
        var source = string.Concat(Enumerable.Repeat(line, (ArticleLimits.MaxHighlightedCodeChars / line.Length) + 1));

        // Act
        var (result, dom, _) = ArticleRendering.Render("```csharp\n" + source + "```\n\n```csharp\nvar small = 1;\n```\n");

        // Assert
        Assert.Null(result.Error);
        var blocks = dom.QuerySelectorAll("pre > code").ToArray();
        Assert.Equal(2, blocks.Length);
        Assert.Empty(blocks[0].Children);
        Assert.Equal(source, blocks[0].TextContent);
        Assert.Equal(["var"], Tokens(blocks[1], CodeTokenClasses.Keyword));
    }

    [Fact]
    public void Render_BlockPastTheLineLimit_PlainText()
    {
        var source = string.Concat(Enumerable.Repeat("x++;\n", ArticleLimits.MaxHighlightedCodeLines + 1));

        var (_, dom, _) = ArticleRendering.Render("```js\n" + source + "```\n");

        var code = Assert.Single(dom.QuerySelectorAll("pre > code"));
        Assert.Empty(code.Children);
        Assert.Equal(source, code.TextContent);
    }

    [Fact]
    public void Render_BacktrackingRegexInput_GivenUpInTimeAndShownPlain()
    {
        // Arrange: ColorCode's css rule spends seconds on a long run of quotes; twenty such blocks would take minutes.
        var quotes = new string('"', 15_000) + "\n";
        var body = string.Concat(Enumerable.Repeat("```css\n" + quotes + "```\n\n", 20));
        var snapshot = TestContent.Snapshot(new Dictionary<string, string?> { ["a/quotes.md"] = "# Quotes\n\n" + body });
        var renderer = new ArticleRenderer(new ArticleHtmlSanitizer(), TimeSpan.FromMinutes(5)); // time it here, not abandon it
        var watch = Stopwatch.StartNew();

        // Act
        var result = renderer.Render(snapshot.Articles["a/quotes"], snapshot.Links);

        // Assert: a few hundred milliseconds on an idle machine; without the match timeout and the budget, minutes.
        watch.Stop();
        Assert.Null(result.Error);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        var dom = Html.Parse(result.Html);
        var blocks = dom.QuerySelectorAll("pre > code").ToArray();
        Assert.Equal(20, blocks.Length);
        Assert.All(blocks, b => Assert.Equal(quotes, b.TextContent));
        Assert.All(blocks, b => Assert.Empty(b.Children));
    }

    [Fact]
    public void Render_AfterTheHighlightBudgetIsSpent_LaterBlocksArePlain()
    {
        // Arrange: each css block runs into the match timeout, so three of them spend more than the budget.
        var slow = "```css\n" + new string('"', 15_000) + "\n```\n\n";
        var minBlocks = (int)Math.Ceiling(ArticleLimits.HighlightBudget / CodeHighlighter.MatchTimeout) + 1;
        var body = string.Concat(Enumerable.Repeat(slow, minBlocks)) + "```csharp\nvar late = 1;\n```\n";

        // Act
        var (_, dom, _) = ArticleRendering.Render("```csharp\nvar early = 1;\n```\n\n" + body);

        // Assert
        var blocks = dom.QuerySelectorAll("pre > code").ToArray();
        Assert.Equal(["var"], Tokens(blocks[0], CodeTokenClasses.Keyword));
        Assert.Empty(blocks[^1].Children);
        Assert.Equal("var late = 1;\n", blocks[^1].TextContent);
    }

    [Fact]
    public void Sanitize_TokenClassesOutsideCode_AndStyleInsideIt_Removed()
    {
        // Arrange
        const string html = "<p><span class=\"hl-keyword\">chrome</span></p><div class=\"language-js\">x</div>"
            + "<pre><code class=\"language-js\"><span class=\"hl-keyword\" style=\"color:red\">var</span><b class=\"hl-string\">s</b></code></pre>"
            + "<code><span class=\"hl-comment\">inline</span></code>";

        // Act
        var dom = Html.Parse(new ArticleHtmlSanitizer().Sanitize(html));

        // Assert
        Assert.Null(dom.QuerySelector("p span")!.GetAttribute("class"));
        Assert.Null(dom.QuerySelector("div")!.GetAttribute("class"));
        var kept = dom.QuerySelector("pre > code > span")!;
        Assert.Equal("hl-keyword", kept.GetAttribute("class"));
        Assert.Null(kept.GetAttribute("style"));
        Assert.Null(dom.QuerySelector("pre b")!.GetAttribute("class"));
        Assert.Null(dom.QuerySelector("p + div + pre + code span, body > code span")!.GetAttribute("class"));
        Assert.Equal("language-js", dom.QuerySelector("pre > code")!.GetAttribute("class"));
    }

    private static string[] Tokens(IElement code, string cssClass) =>
        code.QuerySelectorAll("span." + cssClass).Select(s => s.TextContent).ToArray();

    /// <summary>Every element under <paramref name="root"/> as tag and classes, in document order.</summary>
    private static string[] Structure(IElement root) =>
        root.QuerySelectorAll("*").Select(e => e.LocalName + "." + string.Join('.', e.ClassList)).ToArray();
}
