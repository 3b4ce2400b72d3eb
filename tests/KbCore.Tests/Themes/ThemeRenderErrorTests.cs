using KbCore.Tests.Infrastructure;
using KbCore.Themes;
using KbCore.Themes.Models;
using Microsoft.Extensions.Options;

namespace KbCore.Tests.Themes;

/// <summary>
/// Errors that only show while a page renders name the file and the line of the tag or output they happened in,
/// like syntax errors do, and a template that runs too long is stopped at the deadline.
/// </summary>
public sealed class ThemeRenderErrorTests : IDisposable
{
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["default/templates/missing-include.liquid"] = "<p>one</p>\n<p>two</p>\n\n  {% include 'partials/nowhere' %}\n<p>after</p>\n",
        ["default/templates/in-loop.liquid"] = "<ul>\n{% for t in page.tags %}\n  <li>{{ t }}</li>\n  {% include 'partials/nowhere' %}\n{% endfor %}\n</ul>\n",
        ["default/templates/output.liquid"] = "<p>one</p>\n<p>{{ page.title }}</p>\n{% assign s = 'x' %}\n<p>\n{{ s | append: 'y' }}\n{{ page.title | prepend: page.summary }}\n</p>\n",
        ["default/templates/in-partial.liquid"] = "<p>one</p>\n{% include 'partials/deep' %}\n",
        ["default/partials/deep.liquid"] = "<p>partial</p>\n\n\n{% include 'partials/nowhere' %}\n",
        ["default/templates/missing-layout.liquid"] = "\n{% layout 'layouts/nowhere' %}\n<p>page</p>\n",
        ["default/templates/slow.liquid"] =
            "{% assign s = 'x' %}{% for i in (1..20) %}{% assign s = s | append: s %}{% endfor %}\n" +
            "{% for i in (1..40000) %}{% assign t = s | replace: 'x', 'yz' %}{% endfor %}\n",
    };

    private readonly TempDirectory _dir = new TempDirectory("kbthemes").WriteFiles(Files);

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("missing-include", "default/templates/missing-include.liquid", 4, "partials/nowhere")]
    [InlineData("in-loop", "default/templates/in-loop.liquid", 4, "partials/nowhere")]
    [InlineData("in-partial", "default/partials/deep.liquid", 4, "partials/nowhere")]
    [InlineData("output", "default/templates/output.liquid", 6, "grew past")]
    public void RenderError_NamesFileAndLine(string template, string file, int line, string reason)
    {
        var renderer = Renderer();
        var page = Article(tags: ["a", "b"], summary: new string('b', 1_048_576));

        var e = Assert.Throws<ThemeException>(() => renderer.Render(template, page, Site(), "t", string.Empty));

        Assert.Equal((file, line), (e.Template, e.Line));
        Assert.StartsWith($"{file}:{line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingLayout_NamesTheLayout()
    {
        var e = Assert.Throws<ThemeException>(() => Renderer().Render("missing-layout", Article(), Site(), "t", string.Empty));

        Assert.Equal("default/layouts/nowhere.liquid", e.Template);
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SlowTemplate_UnderTheStepLimit_IsStoppedAtTheDeadline()
    {
        var renderer = Renderer();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var e = Assert.Throws<ThemeException>(() => renderer.Render("slow", Article(), Site(), "t", string.Empty));

        Assert.Equal("default/templates/slow.liquid", e.Template);
        Assert.Contains("longer than 2 s", e.Message, StringComparison.Ordinal);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(10));
    }

    private ThemeRenderer Renderer() => new(Options.Create(new ThemeOptions { Directory = _dir.Path, Active = "default" }));

    private static SiteView Site() => new("Help Center", "Answers", "/assets/default", [], "abc1234", 2026);

    private static ArticleView Article(IReadOnlyList<string>? tags = null, string summary = "Summary") =>
        new("Title", summary, "/a/b", new RawHtml("<p>Body</p>"), tags ?? [], [], [], "2026-03-12", "12 Mar 2026", [], [], false, "a/b");
}
