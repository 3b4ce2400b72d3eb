using System.Net;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.HelpCenter;

/// <summary>/robots.txt keeps crawlers out of the studio, the API and git, and points them at the sitemap.</summary>
public sealed class RobotsTxtTests : IDisposable
{
    private readonly TempDirectory _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
    {
        ["guides/first.md"] = "---\ntitle: First\n---\nHello.\n",
    });

    [Fact]
    public async Task Default_AllowsThePublicSite_DisallowsTeamAndMachineParts_AndNamesTheAbsoluteSitemap()
    {
        // Arrange
        using var server = new KbServerFactory(_seed.Path);

        // Act
        var response = await server.CreateClient().GetAsync("/robots.txt");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("User-agent: *", lines[0]);
        Assert.Contains("Disallow: /studio/", lines);
        Assert.Contains("Disallow: /api/", lines);
        Assert.Contains("Disallow: /content.git/", lines);
        Assert.DoesNotContain("Disallow: /", lines);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", lines);
    }

    [Fact]
    public async Task Configured_DisallowAllForStaging_AndExtraLines()
    {
        // Arrange
        using var staging = new KbServerFactory(_seed.Path, new Dictionary<string, string?> { ["HelpCenter:RobotsDisallowAll"] = "true" });
        using var extra = new KbServerFactory(_seed.Path, new Dictionary<string, string?>
        {
            ["HelpCenter:BaseUrl"] = "https://help.example.com",
            ["HelpCenter:Robots:0"] = "Disallow: /guides/old-campaign",
            ["HelpCenter:Robots:1"] = "User-agent: ExampleBot",
            ["HelpCenter:Robots:2"] = "Disallow: /",
        });

        // Act
        var closed = (await staging.CreateClient().GetStringAsync("/robots.txt")).Split('\n');
        var open = (await extra.CreateClient().GetStringAsync("/robots.txt")).Split('\n');

        // Assert
        Assert.Equal(["User-agent: *", "Disallow: /"], closed.Where(l => l.Length > 0));
        var campaign = Array.IndexOf(open, "Disallow: /guides/old-campaign");
        Assert.True(campaign > Array.IndexOf(open, "Disallow: /studio/") && campaign < Array.IndexOf(open, "User-agent: ExampleBot"));
        Assert.Equal("Disallow: /", open[Array.IndexOf(open, "User-agent: ExampleBot") + 1]);
        Assert.Contains("Sitemap: https://help.example.com/sitemap.xml", open);
    }

    public void Dispose() => _seed.Dispose();
}
