using System.Diagnostics;
using KbCore.Rendering;
using KbCore.Search;
using KbCore.Tests.Infrastructure;

namespace KbCore.Tests.Rendering;

/// <summary>
/// Each class of hostile markdown, generated here: allowed up to its documented limit, where it renders and indexes
/// within budget, and refused one step past it, by the limit it breaks, with the line and the number in words.
/// </summary>
public sealed class ArticleLimitsTests
{
    // Ten times the slowest case on the benchmark machine (docs/benchmarks.md): loaded CI machines are slow, stuck ones are not.
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(2);

    public static TheoryData<string> CaseNames => [.. PathologicalMarkdown.Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void JustUnderItsLimit_IsAllowedAndRendersAndIndexesWithinBudget(string name)
    {
        var pathological = PathologicalMarkdown.Case(name);
        var markdown = pathological.Build(pathological.JustUnder);
        Assert.Null(ArticleLimits.Check(markdown));

        var watch = Stopwatch.StartNew();
        var (result, dom, snapshot) = ArticleRendering.Render(markdown);
        var rendered = watch.Elapsed;
        watch.Restart();
        var text = ArticleText.Extract(snapshot.Articles[ArticleRendering.ArticlePath]);
        var indexed = watch.Elapsed;

        Assert.Null(result.Error);
        Assert.Null(dom.QuerySelector(".kb-plain-text"));
        Assert.NotEqual(string.Empty, text.Body.Trim());
        Assert.True(rendered < Generous, $"{name} rendered in {rendered.TotalMilliseconds:0} ms");
        Assert.True(indexed < Generous, $"{name} was turned into index text in {indexed.TotalMilliseconds:0} ms");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void OneStepPastItsLimit_IsRefusedByThatLimit(string name)
    {
        var pathological = PathologicalMarkdown.Case(name);

        var broken = ArticleLimits.Check(pathological.Build(pathological.JustUnder + 1));

        Assert.NotNull(broken);
        Assert.Equal(pathological.Limit, broken.Limit);
        Assert.True(broken.Found > broken.Allowed, $"{broken.Found} > {broken.Allowed}");
        Assert.Contains(broken.Allowed.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NamesTheFileLine_CountingFrontMatter()
    {
        var markdown = "---\ntitle: T\n---\nIntro.\n\n" + new string('x', ArticleLimits.MaxLineChars + 1) + "\n";

        var broken = ArticleLimits.Check(markdown);

        Assert.Equal(("line", 6), (broken?.Limit, broken?.Line));
        Assert.Contains("Line 6", broken!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_IgnoresFencedCode_ExceptForLineLength()
    {
        // A code sample may show a thousand headings' worth of `#` comments or a deep HTML tree: it is not parsed.
        var code = string.Concat(Enumerable.Repeat("# comment\n<br>\n| a | b |\n", 2_000));

        Assert.Null(ArticleLimits.Check("Intro\n\n```bash\n" + code + "```\n"));
        Assert.Equal("headings", ArticleLimits.Check("Intro\n\n" + code)?.Limit);
    }

    [Theory]
    [InlineData("Use snake_case_names and 2 * 3 = 6, or **bold** and _em_ and ***both***.")]
    [InlineData("- [x] done\n- [ ] to do\n\n| a | b |\n|---|:-:|\n| [l](https://e.com) | <br> |\n")]
    [InlineData("<details><summary>More</summary>\n\nText with <img src=\"a.png\"> and <kbd>Ctrl</kbd>.\n\n</details>\n")]
    [InlineData("3. Run `Get-Mailbox -Identity <user Alias>`, then replace <name> with yours.\n<a name='next-step'></a>\n")]
    [InlineData("|Key|File|\n|---|---|\n|HKCU\\Office| *{Computername}*_reg_HKCU_Office.reg<br/><br/> *{Computername}*_reg_HKCU.txt|\n")]
    public void Check_OrdinaryArticles_AreWithinEveryLimit(string markdown)
    {
        Assert.Null(ArticleLimits.Check(string.Concat(Enumerable.Repeat(markdown + "\n\n", 40))));
    }

    [Fact]
    public void Check_EmphasisClosedInEveryTableRow_DoesNotAddUpAcrossRows()
    {
        // From a real support article: each row opens and closes `*…*` next to punctuation.
        var rows = string.Concat(Enumerable.Repeat("|HKCU\\Office| *{Computername}*_reg_HKCU_Office.reg<br/><br/> *{Computername}*_reg_HKCU.txt|\n", 60));

        Assert.Null(ArticleLimits.Check("|Key|File|\n|---|---|\n" + rows));
    }

    [Fact]
    public void Render_PastALimit_ShowsTheEscapedTextUnderANotice_AndSaysWhy()
    {
        var markdown = PathologicalMarkdown.Case("nested-divs").Build(1_000) + "<script>alert(1)</script>\n";

        var watch = Stopwatch.StartNew();
        var (result, dom, _) = ArticleRendering.Render(markdown);

        Assert.True(watch.Elapsed < Generous);
        Assert.NotNull(dom.QuerySelector(".kb-render-error"));
        Assert.StartsWith("<div><div>", dom.QuerySelector("pre.kb-plain-text")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(dom.QuerySelectorAll("script, div div"));
        Assert.Contains("HTML elements", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FortyThousandDuplicateHeadings_TakesMillisecondsNotMinutes()
    {
        // The worst case: 138–229 s per request before, each burning a core.
        var markdown = PathologicalMarkdown.Case("duplicate-headings").Build(40_000);

        var watch = Stopwatch.StartNew();
        var (result, _, snapshot) = ArticleRendering.Render(markdown);
        var text = ArticleText.Extract(snapshot.Articles[ArticleRendering.ArticlePath]);

        Assert.True(watch.Elapsed < Generous, $"{watch.Elapsed.TotalMilliseconds:0} ms");
        Assert.Contains("headings", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, text.Body);
    }

    [Fact]
    public void Snapshot_ReportsAnArticlePastALimit_AsAnErrorWithItsLine()
    {
        var snapshot = TestContent.Snapshot(new Dictionary<string, string?>
        {
            ["guides/flood.md"] = "---\ntitle: Flood\n---\n" + PathologicalMarkdown.Case("footnotes").Build(400),
            ["guides/fine.md"] = "# Fine\n\nText.\n",
        });

        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal(("guides/flood.md", KbCore.Articles.ContentProblem.Error), (problem.File, problem.Severity));
        Assert.True(problem.Line > 3);
        Assert.Contains("footnote", problem.Message, StringComparison.Ordinal);
        Assert.True(snapshot.Articles.ContainsKey("guides/flood"));
    }
}
