using System.Net;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.HelpCenter;

/// <summary>Themes are swappable through configuration, and a broken theme fails clearly.</summary>
public sealed class ThemeTests : IDisposable
{
    private readonly TempDirectory _themes = new("kbthemes");

    [Fact]
    public async Task ActiveTheme_Midnight_OverridesSomeFilesAndFallsBackToDefaultForTheRest()
    {
        // Arrange
        using var plain = new KbServerFactory(RepoPaths.Content);
        using var midnight = new KbServerFactory(RepoPaths.Content, new Dictionary<string, string?> { ["Themes:Active"] = "midnight" });
        var article = SampleArticle.ReadAll(RepoPaths.Content).First(a => !a.Internal);

        // Act
        var plainHome = await Html.ParseAsync(await plain.CreateClient().GetAsync("/"));
        var midnightHome = await Html.ParseAsync(await midnight.CreateClient().GetAsync("/"));
        var midnightArticle = await midnight.CreateClient().GetAsync(article.Url);

        // Assert: midnight's own stylesheet and home template, default's article template.
        Assert.NotNull(midnightHome.QuerySelector("link[href^='/assets/midnight/css/theme.css?v=']"));
        Assert.NotNull(plainHome.QuerySelector("link[href^='/assets/default/css/theme.css?v=']"));
        Assert.NotEqual(plainHome.QuerySelector("main")!.InnerHtml, midnightHome.QuerySelector("main")!.InnerHtml);
        Assert.Equal(HttpStatusCode.OK, midnightArticle.StatusCode);
        var css = await midnight.CreateClient().GetStringAsync("/assets/midnight/css/theme.css");
        var defaultCss = await midnight.CreateClient().GetStringAsync("/assets/default/css/theme.css");
        Assert.NotEqual(defaultCss, css);
        Assert.Equal(HttpStatusCode.OK, (await midnight.CreateClient().GetAsync("/assets/midnight/css/site.css")).StatusCode);
    }

    [Fact]
    public async Task AssetUrls_CarryTheThemesVersion_AndSuchAUrlIsCachedForGood()
    {
        using var factory = new KbServerFactory(RepoPaths.Content);
        var client = factory.CreateClient();

        var home = await Html.ParseAsync(await client.GetAsync("/"));
        var hrefs = home.QuerySelectorAll("link[rel=stylesheet], script[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!).ToList();
        var versioned = await client.GetAsync(hrefs[0]);
        var stale = await client.GetAsync(hrefs[0].Split('?')[0] + "?v=old");

        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, h => Assert.Matches("^/assets/default/[a-z/-]+\\.(css|js)\\?v=[0-9a-f]+$", h));
        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", versioned.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal("public, max-age=3600", stale.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("{% bogus_tag %}", "Unknown tag")]
    [InlineData("<p>{% include 'partials/nowhere' %}</p>", "partials/nowhere")]
    public async Task TemplateSyntaxOrRenderError_GivesAnErrorPageNamingTemplateAndLine(string broken, string reason)
    {
        // Arrange: a copy of the shipped themes with a broken home template.
        RepoPaths.Themes.CopyTreeTo(_themes.Path);
        var home = _themes.Combine("default", "templates", "home.liquid");
        var lines = File.ReadAllLines(home).ToList();
        lines.Insert(1, broken);
        File.WriteAllLines(home, lines);
        using var factory = new KbServerFactory(RepoPaths.Content, new Dictionary<string, string?> { ["Themes:Directory"] = _themes.Path });

        // Act
        var response = await factory.CreateClient().GetAsync("/");
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("default/templates/home.liquid:2: ", body, StringComparison.Ordinal);
        Assert.Contains(reason, body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task EditingATemplateOnDisk_ChangesTheETagAndThePage()
    {
        // Arrange
        RepoPaths.Themes.CopyTreeTo(_themes.Path);
        using var factory = new KbServerFactory(RepoPaths.Content, new Dictionary<string, string?> { ["Themes:Directory"] = _themes.Path });
        var client = factory.CreateClient();
        var before = await client.GetAsync("/");
        var footer = _themes.Combine("default", "partials", "footer.liquid");

        // Act
        File.AppendAllText(footer, "<p class=\"edited-marker\">edited</p>\n");
        File.SetLastWriteTimeUtc(footer, DateTime.UtcNow.AddMinutes(1));
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        var after = await client.GetAsync("/");

        // Assert
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.NotNull((await Html.ParseAsync(after)).QuerySelector(".edited-marker"));
    }

    public void Dispose() => _themes.Dispose();
}
