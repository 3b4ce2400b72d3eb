using System.Net;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.HelpCenter;

/// <summary>
/// A theme template that loops forever, recurses through includes or writes without end is stopped at a
/// limit: the page is the built-in error page naming the file and the limit, and the server keeps serving.
/// </summary>
public sealed class HostileThemeTests : IDisposable
{
    private readonly TempDirectory _themes = new("kbthemes");

    [Theory]
    [InlineData("templates/home.liquid", "{% for i in (1..1000) %}{% for j in (1..1000) %}x{% endfor %}{% endfor %}", "default/templates/home.liquid", "50000 steps")]
    [InlineData("templates/home.liquid", "{% for i in (1..1000000) %}x{% endfor %}", "default/templates/home.liquid", "50000")]
    [InlineData("partials/footer.liquid", "<footer>{% include 'partials/footer' %}</footer>", "default/partials/footer.liquid", "nested includes")]
    [InlineData("templates/home.liquid", "{% assign s = '0123456789abcdef' %}{% for i in (1..16) %}{% assign s = s | append: s %}{% endfor %}{% for i in (1..40) %}{{ s }}{% endfor %}", "default/templates/home.liquid", "characters")]
    [InlineData("templates/home.liquid", "{% assign s = 'x' %}{% for i in (1..64) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}", "default/templates/home.liquid", "a string grew past")]
    [InlineData("templates/home.liquid", "{% assign s = 'x' %}{% for i in (1..20) %}{% assign s = s | append: s %}{% endfor %}{% for i in (1..40000) %}{% assign t = s | replace: 'x', 'yz' %}{% endfor %}", "default/templates/home.liquid", "longer than 2 s")]
    public async Task HostileTemplate_IsStoppedWithAClearErrorPage_AndTheServerStaysUp(string file, string hostile, string named, string reason)
    {
        // Arrange: a copy of the shipped themes with one hostile file appended.
        RepoPaths.Themes.CopyTreeTo(_themes.Path);
        File.AppendAllText(_themes.Combine("default", file), "\n" + hostile + "\n");
        using var factory = new KbServerFactory(RepoPaths.Content, new Dictionary<string, string?> { ["Themes:Directory"] = _themes.Path });
        var client = factory.CreateClient();

        // Act: timed once the server is up, so the bound is the render's own.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await client.GetAsync("/");
        var elapsed = watch.Elapsed;
        var dom = await Html.ParseAsync(response);

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(elapsed < TimeSpan.FromSeconds(8), $"{elapsed.TotalMilliseconds:0} ms");
        var error = dom.QuerySelector("pre")!.TextContent;
        Assert.StartsWith(named + ":", error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/assets/default/css/site.css")).StatusCode);
    }

    public void Dispose() => _themes.Dispose();
}
