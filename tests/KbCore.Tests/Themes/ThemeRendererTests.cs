using KbCore.Tests.Infrastructure;
using KbCore.Themes;
using KbCore.Themes.Models;
using Microsoft.Extensions.Options;

namespace KbCore.Tests.Themes;

/// <summary>Liquid themes written to a temp folder, rendered and parsed as HTML.</summary>
public sealed class ThemeRendererTests : IDisposable
{
    private static readonly Dictionary<string, string> Themes = new(StringComparer.Ordinal)
    {
        ["default/layouts/base.liquid"] = """
            <!DOCTYPE html>
            <html><head><title>{{ page_title }}</title><meta name="description" content="{{ page_description }}"></head>
            <body class="default-layout tpl-{{ template }}">{% include 'partials/header' %}<main>{{ content_for_layout }}</main>{% include 'partials/footer' %}</body></html>
            """,
        ["default/partials/header.liquid"] = "<header class=\"default-header\">{{ site.name }}</header>",
        ["default/partials/footer.liquid"] = "<footer class=\"default-footer\">{{ site.year }}</footer>",
        ["default/templates/error.liquid"] = "{% layout 'layouts/base' %}<h1 class=\"status\">{{ page.status }}</h1><p class=\"message\">{{ page.message }}</p>",
        ["default/templates/article.liquid"] = """
            {% layout 'layouts/base' %}
            <article>
              <h1>{{ page.title }}</h1>
              <p class="summary">{{ page.summary }}</p>
              <p class="upper">{{ page.summary | upcase }}</p>
              <p class="count">{{ page.tags | count_label: 'tag' }}</p>
              <div class="body">{{ page.html }}</div>
              <ul class="tags">{% for tag in page.tags %}<li>{{ tag }}</li>{% endfor %}</ul>
              <nav>{% for crumb in page.breadcrumbs %}<a class="crumb" href="{{ crumb.url }}">{{ crumb.title }}</a>{% endfor %}</nav>
              {% if page.internal %}<p class="internal">Internal</p>{% endif %}
            </article>
            """,
        ["x/partials/footer.liquid"] = "<footer class=\"x-footer\">x footer</footer>",
        ["x/partials/card.liquid"] = "<div class=\"x-card\">{{ page.title }}</div>",
        ["x/templates/error.liquid"] = "{% layout 'layouts/base' %}<h1 class=\"x-status\">{{ page.status }}</h1>{% include 'partials/card' %}",
        ["x/templates/unclosed-if.liquid"] = "<p>fine</p>\n{% if page.status %}\n<p>never closed</p>\n",
        ["x/templates/bogus.liquid"] = "<p>fine</p>\n\n{% bogus %}\n",
        ["x/templates/broken-layout-user.liquid"] = "{% layout 'layouts/broken' %}x",
        ["x/layouts/broken.liquid"] = "<html>\n{% for %}\n</html>",
        ["x/templates/escape-include.liquid"] = "{% include '../../secret' %}",
        ["x/templates/endless.liquid"] = "{% for i in (1..1000000) %}x{% endfor %}",
        ["x/templates/raw-list.liquid"] = "<div class=\"list\">{{ page.tags }}</div>",
        ["x/templates/uses-broken-partial.liquid"] = "<p>{% include 'partials/broken' %}</p>",
        ["x/partials/broken.liquid"] = "<p>ok</p>\n\n{% if %}\n",
        ["x/templates/uses-partial-missing-one.liquid"] = "<p>{% include 'partials/includes-missing' %}</p>",
        ["x/partials/includes-missing.liquid"] = "<p>ok</p>\n{% include 'partials/nowhere' %}",
        ["x/templates/split-title.liquid"] = "<div class=\"list\">{{ page.title | split: ' ' }}</div>",
        ["x/templates/assets.liquid"] = "{{ 'css/a b.css' | asset_url }}|{{ '/img/logo.svg' | asset_url }}",
        ["x/templates/reads-record.liquid"] = "<p class=\"equality\">{{ page.equality_contract }}</p><p class=\"html-name\">{{ page.Html }}</p><p class=\"site\">{{ site.name }}</p>",
        ["x/templates/domain.liquid"] = "<p class=\"t\">{{ page.title }}{{ page.Title }}{{ page.summary }}</p>",
        ["secret.liquid"] = "SECRET",
    };

    private readonly TempDirectory _dir = new TempDirectory("kbthemes").WriteFiles(Themes);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Render_ThemeOverridesSomeFiles_UsesThemeFilesThenDefault()
    {
        // Arrange
        var renderer = CreateRenderer(_dir.Path, "x");

        // Act
        var html = renderer.Render("error", new ErrorView(404, "Not found", "Gone."), Site(), "Not found", "desc");

        // Assert
        var dom = Html.Parse(html);
        Assert.Equal("x", renderer.ActiveTheme);
        Assert.Contains("default-layout", dom.Body!.ClassList);
        Assert.Contains("tpl-error", dom.Body!.ClassList);
        Assert.Equal("Help Center", dom.QuerySelector("header.default-header")!.TextContent);
        Assert.NotNull(dom.QuerySelector("footer.x-footer"));
        Assert.Null(dom.QuerySelector("footer.default-footer"));
        Assert.Equal("404", dom.QuerySelector("h1.x-status")!.TextContent);
        Assert.Equal("Not found", dom.QuerySelector("div.x-card")!.TextContent);
        Assert.Equal("Not found", dom.Title);
    }

    [Fact]
    public void Render_TemplateMissingInTheme_FallsBackToDefaultTemplate()
    {
        // Arrange
        var renderer = CreateRenderer(_dir.Path, "x");

        // Act
        var html = renderer.Render("article", Article(title: "Invoices"), Site(), "Invoices", string.Empty);

        // Assert
        var dom = Html.Parse(html);
        Assert.Equal("Invoices", dom.QuerySelector("article h1")!.TextContent);
        Assert.NotNull(dom.QuerySelector("footer.x-footer"));
    }

    [Fact]
    public void Render_ActiveThemeMissing_UsesDefaultTheme()
    {
        // Arrange
        var renderer = CreateRenderer(_dir.Path, "no-such-theme");

        // Act
        var html = renderer.Render("error", new ErrorView(500, "Oops", "Broken."), Site(), "Oops", string.Empty);

        // Assert
        var dom = Html.Parse(html);
        Assert.Equal(ThemeOptions.DefaultTheme, renderer.ActiveTheme);
        Assert.Equal("500", dom.QuerySelector("h1.status")!.TextContent);
        Assert.Equal("Broken.", dom.QuerySelector("p.message")!.TextContent);
        Assert.NotNull(dom.QuerySelector("footer.default-footer"));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("X")]
    [InlineData("")]
    public void Constructor_UnsafeThemeName_UsesDefaultTheme(string active)
    {
        // Act
        var renderer = CreateRenderer(_dir.Path, active);

        // Assert
        Assert.Equal(ThemeOptions.DefaultTheme, renderer.ActiveTheme);
    }

    [Fact]
    public void Render_HostileStrings_EveryOutputHtmlEncoded()
    {
        // Arrange
        var renderer = CreateRenderer(_dir.Path, "x");
        const string hostile = "<b>&\"";
        var page = Article(
            title: hostile,
            summary: "<script>alert(1)</script>",
            tags: ["<i>tag</i>", "plain"],
            breadcrumbs: [new LinkView("<img src=x onerror=alert(1)>", "/a\" onclick=\"alert(1)")]);

        // Act
        var html = renderer.Render("article", page, Site(name: "<em>Site</em>"), hostile, "\"><script>alert(2)</script>");

        // Assert
        Assert.Contains("&lt;b&gt;&amp;&quot;", html, StringComparison.Ordinal);
        var dom = Html.Parse(html);
        Assert.Equal(hostile, dom.Title);
        Assert.Equal(hostile, dom.QuerySelector("article h1")!.TextContent);
        Assert.Equal("<script>alert(1)</script>", dom.QuerySelector("p.summary")!.TextContent);
        Assert.Equal("<SCRIPT>ALERT(1)</SCRIPT>", dom.QuerySelector("p.upper")!.TextContent);
        Assert.Equal(["<i>tag</i>", "plain"], dom.QuerySelectorAll("ul.tags li").Select(li => li.TextContent));
        Assert.Equal("<em>Site</em>", dom.QuerySelector("header")!.TextContent);
        Assert.Equal("\"><script>alert(2)</script>", dom.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        var crumb = Assert.Single(dom.QuerySelectorAll("a.crumb"));
        Assert.Equal("/a\" onclick=\"alert(1)", crumb.GetAttribute("href"));
        Assert.False(crumb.HasAttribute("onclick"));
        Assert.Empty(dom.QuerySelectorAll("script"));
        Assert.Empty(dom.QuerySelectorAll("b"));
        Assert.Empty(dom.QuerySelectorAll("i"));
        Assert.Empty(dom.QuerySelectorAll("img"));
        Assert.Empty(dom.QuerySelectorAll("header em"));
    }

    [Fact]
    public void Render_RawHtml_IsWrittenUnescaped()
    {
        // Arrange
        var renderer = CreateRenderer(_dir.Path, "x");
        var page = Article(html: new RawHtml("<p class=\"from-markdown\"><em>kept</em> &amp; fine</p>"));

        // Act
        var html = renderer.Render("article", page, Site(), "t", string.Empty);

        // Assert
        var body = Html.Parse(html).QuerySelector("div.body")!;
        Assert.Equal("kept", body.QuerySelector("p.from-markdown em")!.TextContent);
        Assert.Equal("kept & fine", body.TextContent);
    }

    [Fact]
    public void Render_NonAsciiText_NotTurnedIntoEntities()
    {
        // Arrange
        var renderer = CreateRenderer(_dir.Path, "x");

        // Act
        var html = renderer.Render("article", Article(title: "Café – naïve ✓"), Site(), "Café", string.Empty);

        // Assert
        Assert.Contains("<h1>Café – naïve ✓</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CountLabelFilterAndBooleans_Work()
    {
        // Arrange
        var renderer = CreateRenderer(_dir.Path, "x");

        // Act
        var html = renderer.Render("article", Article(tags: ["a", "b"], isInternal: true), Site(), "t", string.Empty);

        // Assert
        var dom = Html.Parse(html);
        Assert.Equal("2 tags", dom.QuerySelector("p.count")!.TextContent);
        Assert.NotNull(dom.QuerySelector("p.internal"));
    }

    [Fact]
    public void Render_ListOutputDirectly_ItemsHtmlEncoded()
    {
        // Arrange
        var renderer = CreateRenderer(_dir.Path, "x");

        // Act
        var html = renderer.Render("raw-list", Article(tags: ["<i>tag</i>"]), Site(), "t", string.Empty);

        // Assert
        var list = Html.Parse(html).QuerySelector("div.list")!;
        Assert.Empty(list.QuerySelectorAll("i"));
        Assert.Equal("<i>tag</i>", list.TextContent);
    }

    [Fact]
    public void Render_UnclosedIf_ThrowsThemeExceptionNamingFile()
    {
        // Arrange
        var renderer = CreateRenderer(_dir.Path, "x");

        // Act
        var e = Assert.Throws<ThemeException>(() => renderer.Render("unclosed-if", new ErrorView(1, "t", "m"), Site(), "t", string.Empty));

        // Assert
        Assert.Equal("x/templates/unclosed-if.liquid", e.Template);
        Assert.StartsWith("x/templates/unclosed-if.liquid", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownTag_ThrowsThemeExceptionWithFileAndLine()
    {
        // Arrange
        var renderer = CreateRenderer(_dir.Path, "x");

        // Act
        var e = Assert.Throws<ThemeException>(() => renderer.Render("bogus", new ErrorView(1, "t", "m"), Site(), "t", string.Empty));

        // Assert
        Assert.Equal("x/templates/bogus.liquid", e.Template);
        Assert.Equal(3, e.Line);
        Assert.StartsWith("x/templates/bogus.liquid:3:", e.Message, StringComparison.Ordinal);
        Assert.Contains("bogus", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PartialWithSyntaxError_ThrowsThemeExceptionWithThePartialsFileAndLine()
    {
        // Arrange
        var renderer = CreateRenderer(_dir.Path, "x");

        // Act
        var e = Assert.Throws<ThemeException>(() => renderer.Render("uses-broken-partial", new ErrorView(1, "t", "m"), Site(), "t", string.Empty));

        // Assert
        Assert.Equal("x/partials/broken.liquid", e.Template);
        Assert.Equal(3, e.Line);
        Assert.StartsWith("x/partials/broken.liquid:3:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ErrorWhileRenderingAPartial_ThrowsThemeExceptionNamingThePartial()
    {
        // Arrange
        var renderer = CreateRenderer(_dir.Path, "x");

        // Act
        var e = Assert.Throws<ThemeException>(() => renderer.Render("uses-partial-missing-one", new ErrorView(1, "t", "m"), Site(), "t", string.Empty));

        // Assert
        Assert.Equal("x/partials/includes-missing.liquid", e.Template);
        Assert.Contains("partials/nowhere", e.Message, StringComparison.Ordinal);
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AssetUrl_IsTheFileUnderTheAssetBase_WithTheThemesVersion()
    {
        var renderer = CreateRenderer(_dir.Path, "x");

        var html = renderer.Render("assets", Article(), Site(), "t", string.Empty);

        Assert.Equal($"/assets/default/css/a%20b.css?v={renderer.Version}|/assets/default/img/logo.svg?v={renderer.Version}", html);
    }

    [Fact]
    public void Render_ArrayFromAFilterOutputDirectly_ItemsHtmlEncoded()
    {
        // Arrange
        var renderer = CreateRenderer(_dir.Path, "x");

        // Act
        var html = renderer.Render("split-title", Article(title: "<script>alert(1)</script> <b>bold</b>"), Site(), "t", string.Empty);

        // Assert
        var list = Html.Parse(html).QuerySelector("div.list")!;
        Assert.Empty(list.QuerySelectorAll("script, b"));
        Assert.Equal("<script>alert(1)</script><b>bold</b>", list.TextContent);
    }

    [Fact]
    public void Render_MembersOutsideTheSnakeCaseViewProperties_ShowNothing()
    {
        // Arrange
        var renderer = CreateRenderer(_dir.Path, "x");

        // Act
        var html = renderer.Render("reads-record", Article(html: new RawHtml("<p>body</p>")), Site(), "t", string.Empty);

        // Assert
        var dom = Html.Parse(html);
        Assert.Equal(string.Empty, dom.QuerySelector("p.equality")!.InnerHtml);
        Assert.Equal(string.Empty, dom.QuerySelector("p.html-name")!.InnerHtml);
        Assert.Equal("Help Center", dom.QuerySelector("p.site")!.TextContent);
    }

    [Fact]
    public void Render_DomainObjectInsteadOfAViewRecord_ExposesNoMember()
    {
        // Arrange
        var renderer = CreateRenderer(_dir.Path, "x");
        var domain = new KbCore.Articles.ArticleMetadata { Title = "internal title", Summary = "internal summary" };

        // Act
        var html = renderer.Render("domain", domain, Site(), "t", string.Empty);

        // Assert
        Assert.Equal(string.Empty, Html.Parse(html).QuerySelector("p.t")!.InnerHtml);
    }

    [Fact]
    public void Render_BrokenLayout_ThrowsThemeExceptionNamingLayout()
    {
        // Arrange
        var renderer = CreateRenderer(_dir.Path, "x");

        // Act
        var e = Assert.Throws<ThemeException>(() => renderer.Render("broken-layout-user", new ErrorView(1, "t", "m"), Site(), "t", string.Empty));

        // Assert
        Assert.Contains("layouts/broken.liquid", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-template")]
    [InlineData("../../secret")]
    [InlineData("../layouts/base")]
    public void Render_MissingOrEscapingTemplate_ThrowsThemeException(string template)
    {
        // Arrange
        var renderer = CreateRenderer(_dir.Path, "x");

        // Act
        var e = Assert.Throws<ThemeException>(() => renderer.Render(template, new ErrorView(1, "t", "m"), Site(), "t", string.Empty));

        // Assert
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IncludeClimbingOutOfThemes_ThrowsAndReadsNothing()
    {
        // Arrange
        var renderer = CreateRenderer(_dir.Path, "x");

        // Act
        var e = Assert.Throws<ThemeException>(() => renderer.Render("escape-include", new ErrorView(1, "t", "m"), Site(), "t", string.Empty));

        // Assert
        Assert.DoesNotContain("SECRET", e.Message, StringComparison.Ordinal);
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EndlessLoop_StopsWithThemeException()
    {
        // Arrange
        var renderer = CreateRenderer(_dir.Path, "x");

        // Act
        var e = Assert.Throws<ThemeException>(() => renderer.Render("endless", new ErrorView(1, "t", "m"), Site(), "t", string.Empty));

        // Assert
        Assert.Equal("x/templates/endless.liquid", e.Template);
    }

    [Fact]
    public void Render_EndlessLoop_StopsAtIterationLimit()
    {
        // Arrange
        var renderer = CreateRenderer(_dir.Path, "x");

        // Act
        var e = Assert.ThrowsAny<Exception>(() => renderer.Render("endless", new ErrorView(1, "t", "m"), Site(), "t", string.Empty));

        // Assert
        Assert.Contains("50000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TemplateEditedOnDisk_NewVersionUsed()
    {
        // Arrange
        var renderer = CreateRenderer(_dir.Path, "x");
        var path = _dir.Combine("x/templates/editable.liquid");
        File.WriteAllText(path, "<p class=\"v\">one</p>");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-5));
        var first = renderer.Render("editable", new ErrorView(1, "t", "m"), Site(), "t", string.Empty);
        File.WriteAllText(path, "<p class=\"v\">two</p>");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow);

        // Act
        var second = renderer.Render("editable", new ErrorView(1, "t", "m"), Site(), "t", string.Empty);

        // Assert
        Assert.Equal("one", Html.Parse(first).QuerySelector("p.v")!.TextContent);
        Assert.Equal("two", Html.Parse(second).QuerySelector("p.v")!.TextContent);
    }

    [Fact]
    public void Render_TwoRenderersOverTwoFoldersInParallel_EachGetsItsOwnTheme()
    {
        // Arrange
        using var dirA = new TempDirectory("kbthemes-a").WriteFiles(OneTheme("alpha"));
        using var dirB = new TempDirectory("kbthemes-b").WriteFiles(OneTheme("beta"));
        var renderers = new[] { CreateRenderer(dirA.Path, "default"), CreateRenderer(dirB.Path, "default") };
        var outputs = new string[200];

        // Act
        Parallel.For(0, outputs.Length, i =>
            outputs[i] = renderers[i % 2].Render("error", new ErrorView(i, $"title {i}", "m"), Site(), $"page {i}", string.Empty));

        // Assert
        for (var i = 0; i < outputs.Length; i++)
        {
            var dom = Html.Parse(outputs[i]);
            var (own, other) = i % 2 == 0 ? ("alpha", "beta") : ("beta", "alpha");
            Assert.Equal(own, dom.Body!.GetAttribute("data-theme"));
            Assert.Equal($"{own}-partial", dom.QuerySelector("footer")!.TextContent);
            Assert.Equal($"{own}:{i}", dom.QuerySelector("h1")!.TextContent);
            Assert.Equal($"page {i}", dom.Title);
            Assert.DoesNotContain(other, outputs[i], StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, string> OneTheme(string marker) => new(StringComparer.Ordinal)
    {
        ["default/layouts/base.liquid"] = $"<html><head><title>{{{{ page_title }}}}</title></head><body data-theme=\"{marker}\">{{{{ content_for_layout }}}}{{% include 'partials/footer' %}}</body></html>",
        ["default/partials/footer.liquid"] = $"<footer>{marker}-partial</footer>",
        ["default/templates/error.liquid"] = $"{{% layout 'layouts/base' %}}<h1>{marker}:{{{{ page.status }}}}</h1>",
    };

    private static ThemeRenderer CreateRenderer(string directory, string active) =>
        new(Options.Create(new ThemeOptions { Directory = directory, Active = active }));

    private static SiteView Site(string name = "Help Center") => new(name, "Answers", "/assets/default", [], "abc1234", 2026);

    private static ArticleView Article(
        string title = "Title",
        string summary = "Summary",
        RawHtml? html = null,
        IReadOnlyList<string>? tags = null,
        IReadOnlyList<LinkView>? breadcrumbs = null,
        bool isInternal = false) =>
        new(
            title,
            summary,
            "/a/b",
            html ?? new RawHtml("<p>Body</p>"),
            tags ?? [],
            breadcrumbs ?? [],
            [],
            "2026-03-12",
            "12 Mar 2026",
            [],
            [],
            isInternal,
            "a/b");
}
