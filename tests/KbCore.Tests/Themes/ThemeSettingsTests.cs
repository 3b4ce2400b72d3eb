using KbCore.Tests.Infrastructure;
using KbCore.Themes;
using KbCore.Themes.Models;
using Microsoft.Extensions.Options;

namespace KbCore.Tests.Themes;

/// <summary>A theme's own settings from theme.yml, laid over default's, read by templates as <c>theme.settings</c>.</summary>
public sealed class ThemeSettingsTests : IDisposable
{
    private const string Template = "{{ theme.name }}|{{ theme.settings.accent }}|{% if theme.settings.show_recent %}recent{% else %}no recent{% endif %}|{{ theme.settings.columns | plus: 1 }}|{{ theme.settings.links | join: ',' }}|{{ theme.settings.tagline }}|{{ theme.settings.missing }}";

    private readonly TempDirectory _dir = new TempDirectory("kbthemes").WriteFiles(new Dictionary<string, string>
    {
        ["default/theme.yml"] = "name: Default\nsettings:\n  accent: \"#4338ca\"\n  show_recent: true\n  columns: 3\n  links: [docs, status]\n  tagline: <b>Help</b>\n",
        ["default/templates/home.liquid"] = Template,
        ["x/theme.yml"] = "name: X\nsettings:\n  accent: \"#000000\"\n  show_recent: false\n",
    });

    [Fact]
    public void Settings_OfTheActiveTheme_OverDefaults_ReachTemplatesTyped_AndEncoded()
    {
        var html = Renderer("x").Render("home", new HomeView([], []), Site(), "t", string.Empty);

        Assert.Equal("x|#000000|no recent|4|docs,status|&lt;b&gt;Help&lt;/b&gt;|", html);
    }

    [Fact]
    public void Settings_FollowEditsOfThemeYml_WithoutARestart()
    {
        var renderer = Renderer("x");
        var before = renderer.Render("home", new HomeView([], []), Site(), "t", string.Empty);

        File.WriteAllText(_dir.Combine("x", "theme.yml"), "name: X\nsettings:\n  accent: \"#ffffff\"\n");
        File.SetLastWriteTimeUtc(_dir.Combine("x", "theme.yml"), DateTime.UtcNow.AddMinutes(1));
        var after = WaitFor(() => renderer.Render("home", new HomeView([], []), Site(), "t", string.Empty), h => h != before);

        Assert.StartsWith("x|#ffffff|recent|", after, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenThemeYml_AddsNoSettings_AndCheckNamesFileAndLine()
    {
        File.WriteAllText(_dir.Combine("x", "theme.yml"), "name: X\nsettings:\n  accent: [unclosed\n");
        File.WriteAllText(_dir.Combine("default", "theme.yml"), "settings:\n  nested: {a: 1}\n");
        var renderer = Renderer("x");

        var html = renderer.Render("home", new HomeView([], []), Site(), "t", string.Empty);
        var problems = renderer.CheckTemplates().Errors.Select(e => (e.Template, e.Line)).ToList();

        Assert.Equal("x||no recent|1|||", html);
        Assert.Contains(problems, p => p.Template == "x/theme.yml" && p.Line >= 3); // where the YAML parser gives up
        Assert.Contains(("default/theme.yml", 2), problems);
    }

    public void Dispose() => _dir.Dispose();

    private ThemeRenderer Renderer(string active) => new(Options.Create(new ThemeOptions { Directory = _dir.Path, Active = active }));

    private static SiteView Site() => new("Help", "Answers", "/assets/x", [], "abc1234", 2026);

    private static string WaitFor(Func<string> render, Func<string, bool> done)
    {
        var html = render();
        for (var i = 0; i < 50 && !done(html); i++)
        {
            Thread.Sleep(100);
            html = render();
        }

        return html;
    }
}
