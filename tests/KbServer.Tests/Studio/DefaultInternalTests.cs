using System.Net;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.Studio;

/// <summary>An installation whose articles are internal unless they say otherwise: editing must not publish them.</summary>
public sealed class DefaultInternalTests : IDisposable
{
    private readonly TempDirectory _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
    {
        ["team/_index.md"] = "---\ntitle: Team\n---\n",
        ["team/runbook.md"] = "---\ntitle: Runbook\n---\nNo visibility key here.\n",
    });

    private readonly KbServerFactory _factory;

    public DefaultInternalTests() => _factory = new KbServerFactory(_seed.Path, new Dictionary<string, string?> { ["Content:DefaultVisibility"] = "internal" });

    [Fact]
    public async Task EditingAnArticleWithoutAVisibilityKey_KeepsItInternal()
    {
        var author = await StudioSession.NewUserAsync(_factory, "careful@example.com", KbRoles.Author);
        var editor = await author.GetDocumentAsync("/studio/edit?path=team/runbook");
        Assert.Equal("internal", editor.QuerySelector("#visibility option[selected]")?.GetAttribute("value"));

        var saved = await author.SubmitAsync("/studio/edit?path=team/runbook", "form.editor", new() { ["Form.Body"] = "A typo fixed." });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClient().GetAsync("/team/runbook")).StatusCode);
        Assert.Equal("internal", (await author.GetDocumentAsync("/studio/edit?path=team/runbook")).QuerySelector("#visibility option[selected]")?.GetAttribute("value"));
    }

    public void Dispose()
    {
        _factory.Dispose();
        _seed.Dispose();
    }
}
