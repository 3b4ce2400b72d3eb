using KbCore.Rendering;
using KbCore.Tests.Infrastructure;

namespace KbCore.Tests.Rendering;

/// <summary>Hostile markdown and HTML in, only allowlisted markup out.</summary>
public class ArticleHtmlSanitizerTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Text <script src=\"https://evil.example/x.js\"></script> inline")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2Zy8+)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("[x]: javascript:alert(1)\n\n[click][x]")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\" javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"java&#x09;script:alert(1)\">x</a>")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">x</a>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<img src=\"x.png\" srcset=\"javascript:alert(1) 1x\">")]
    [InlineData("<a onclick=\"alert(1)\" href=\"https://example.com\">x</a>")]
    [InlineData("<p onmouseover=\"alert(1)\">hover</p>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<svg onload=alert(1)><circle r=\"1\" /></svg>")]
    [InlineData("<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>")]
    [InlineData("<style>body{display:none}</style>")]
    [InlineData("<div id=\"location\">clobber</div>")]
    [InlineData("<img name=\"cookie\" src=\"x.png\">")]
    [InlineData("<form action=\"https://evil.example\"><input name=\"x\"><button formaction=\"https://evil.example\">go</button></form>")]
    [InlineData("<input type=\"text\" value=\"phishing\">")]
    [InlineData("<input type=\"checkbox\" name=\"x\">")]
    [InlineData("<p style=\"position:fixed;top:0\">overlay</p>")]
    [InlineData("<table><tr><td style=\"position:fixed; text-align:right\">x</td></tr></table>")]
    [InlineData("<object data=\"x.swf\"></object><embed src=\"x.swf\">")]
    [InlineData("<base href=\"https://evil.example/\">")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">")]
    [InlineData("<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">")]
    [InlineData("<details open ontoggle=\"alert(1)\"><summary>x</summary></details>")]
    [InlineData("<a href=\"https://example.com\" id=\"kb-\">x</a><h2 id=\"\">empty</h2>")]
    [InlineData("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>")]
    [InlineData("<template><script>alert(1)</script></template>")]
    public void Render_HostileMarkdown_OutputHasNoActiveContent(string markdown)
    {
        // Act
        var (_, dom, _) = ArticleRendering.Render("Intro paragraph.\n\n" + markdown + "\n\nAfter.\n");

        // Assert
        SafeHtml.AssertSafe(dom);
        Assert.Contains("After.", dom.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AllPayloadsInOneArticle_OutputHasNoActiveContent()
    {
        // Arrange
        const string markdown = """
            <script>alert(1)</script>

            [js](javascript:alert(1)) [data](data:text/html,x)

            <img src=x onerror=alert(1)> <a onclick="alert(1)">a</a>

            <iframe src="https://evil.example"></iframe>

            <svg onload=alert(1)></svg>

            <style>body{}</style>

            <div id="location">x</div>

            <img name="cookie">

            <form><input name=x></form>

            <p style="position:fixed">overlay</p>
            """;

        // Act
        var (_, dom, _) = ArticleRendering.Render(markdown);

        // Assert
        SafeHtml.AssertSafe(dom);
        Assert.NotNull(dom.GetElementById("kb-location"));
        Assert.Contains("overlay", dom.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_IdWithoutPrefix_GetsPrefixAndUnsafeCharactersReplaced()
    {
        // Arrange
        var sanitizer = new ArticleHtmlSanitizer();

        // Act
        var dom = Html.Parse(sanitizer.Sanitize("<div id=\"location\">a</div><div id=\"kb-kept\">b</div><div id=\"a b&lt;c\">c</div>"));

        // Assert
        Assert.Equal(["kb-location", "kb-kept", "kb-a-b-c"], dom.Body!.Children.Select(e => e.Id));
    }

    [Fact]
    public void Sanitize_FragmentLinks_PrefixedLikeIds()
    {
        // Arrange
        var sanitizer = new ArticleHtmlSanitizer();

        // Act
        var dom = Html.Parse(sanitizer.Sanitize("<a href=\"#setup\">a</a><a href=\"#kb-setup\">b</a><a href=\"#\">c</a><h2 id=\"setup\">Setup</h2>"));

        // Assert
        Assert.Equal(["#kb-setup", "#kb-setup", "#"], dom.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(dom.GetElementById("kb-setup"));
    }

    [Fact]
    public void Sanitize_ClassAttribute_KeepsOnlyMarkdownAndKbClasses()
    {
        // Arrange
        var sanitizer = new ArticleHtmlSanitizer();

        // Act
        var dom = Html.Parse(sanitizer.Sanitize("<div class=\"site-header markdown-alert kb-note admin-only\">a</div><p class=\"btn btn-danger\">b</p>"));

        // Assert
        var div = dom.QuerySelector("div")!;
        Assert.Equal("markdown-alert kb-note", div.GetAttribute("class"));
        Assert.False(dom.QuerySelector("p")!.HasAttribute("class"));
    }

    [Fact]
    public void Sanitize_Inputs_AreAllRemoved_EvenCheckboxes()
    {
        var sanitizer = new ArticleHtmlSanitizer();

        var dom = Html.Parse(sanitizer.Sanitize("<input type=\"checkbox\" checked><input type=\"password\"><input><span role=\"button\" aria-label=\"Pay\">x</span>"));

        Assert.Empty(dom.QuerySelectorAll("input, [role], [aria-label]"));
    }

    [Fact]
    public void Sanitize_TableCellStyle_KeepsOnlyTextAlign()
    {
        // Arrange
        var sanitizer = new ArticleHtmlSanitizer();

        // Act
        var dom = Html.Parse(sanitizer.Sanitize("<table><tr><th style=\"text-align: center; position: fixed\">h</th><td style=\"color:red\">d</td></tr></table>"));

        // Assert
        var style = dom.QuerySelector("th")!.GetAttribute("style")!;
        Assert.Contains("text-align", style, StringComparison.Ordinal);
        Assert.Contains("center", style, StringComparison.Ordinal);
        Assert.DoesNotContain("position", style, StringComparison.Ordinal);
        Assert.DoesNotContain("red", dom.QuerySelector("td")!.GetAttribute("style") ?? string.Empty, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.com/x")]
    [InlineData("http://example.com/x")]
    [InlineData("HTTPS://EXAMPLE.COM/x")]
    public void Sanitize_ExternalLink_GetsNofollowNoopener(string href)
    {
        // Arrange
        var sanitizer = new ArticleHtmlSanitizer();

        // Act
        var dom = Html.Parse(sanitizer.Sanitize($"<a href=\"{href}\" rel=\"opener\">x</a>"));

        // Assert
        var rel = dom.QuerySelector("a")!.GetAttribute("rel")!.Split(' ');
        Assert.Contains("nofollow", rel);
        Assert.Contains("noopener", rel);
        Assert.DoesNotContain("opener", rel);
    }

    [Fact]
    public void Sanitize_ProtocolRelativeLink_GetsNofollowNoopener()
    {
        // Arrange
        var sanitizer = new ArticleHtmlSanitizer();

        // Act
        var dom = Html.Parse(sanitizer.Sanitize("<a href=\"//evil.example/page\">x</a>"));

        // Assert: "//host" leaves the site just like "https://host".
        var anchor = dom.QuerySelector("a")!;
        Assert.Equal("//evil.example/page", anchor.GetAttribute("href"));
        var rel = anchor.GetAttribute("rel")?.Split(' ') ?? [];
        Assert.Contains("nofollow", rel);
        Assert.Contains("noopener", rel);
    }
}
