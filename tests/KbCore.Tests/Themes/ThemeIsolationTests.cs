using KbCore.Tests.Infrastructure;
using KbCore.Themes;
using KbCore.Themes.Models;
using Microsoft.Extensions.Options;

namespace KbCore.Tests.Themes;

/// <summary>One request's page never carries another request's data, though parsed templates are shared.</summary>
public sealed class ThemeIsolationTests : IDisposable
{
    private readonly TempDirectory _dir = new TempDirectory("kbthemes").WriteFiles(new Dictionary<string, string>
    {
        ["default/templates/error.liquid"] = "previous={{ last_title }};{% assign last_title = page.title %}now={{ last_title }}",
    });

    [Fact]
    public void Render_AssignInTemplate_DoesNotLeakIntoTheNextRender()
    {
        // Arrange
        var renderer = new ThemeRenderer(Options.Create(new ThemeOptions { Directory = _dir.Path }));
        var site = new SiteView("Help", "", "/assets/default", [], "abc1234", 2026);

        // Act
        var first = renderer.Render("error", new ErrorView(404, "Secret internal title", "m"), site, "t", string.Empty);
        var second = renderer.Render("error", new ErrorView(404, "Public title", "m"), site, "t", string.Empty);

        // Assert
        Assert.Equal("previous=;now=Secret internal title", first);
        Assert.Equal("previous=;now=Public title", second);
    }

    public void Dispose() => _dir.Dispose();
}
