using KbCore.Accounts;
using KbServer.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KbServer.E2E;

/// <summary>
/// What axe cannot see: where the keyboard goes and whether the focused thing shows it. The skip links, the help
/// center's autocomplete and the editor's toolbar, driven with real key presses in Chromium.
/// </summary>
public sealed class KeyboardAccessTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    // Whether an element draws a focus indicator: an outline or a box-shadow ring (the default theme uses outlines).
    private const string ShowsFocusScript =
        "e => { const s = getComputedStyle(e); return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; }";

    private readonly KestrelServerFactory _server = new();
    private readonly List<string> _consoleErrors = [];

    [Fact]
    public async Task HelpCenter_TabFromTheTop_ReachesTheSkipLinkFirst_EnterMovesFocusToMain()
    {
        // Arrange
        await using var context = await browser.NewContextAsync(1280, 900);
        var page = await StudioPages.NewPageAsync(context, _consoleErrors);
        await page.GotoAsync(new Uri(_server.RootUri, "/integrations-and-api/api/receive-webhooks").ToString());

        // Act / Assert
        await AssertSkipLinkMovesFocusToMainAsync(page);
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task Studio_TabFromTheTop_ReachesTheSkipLinkFirst_EnterMovesFocusToMain()
    {
        // Arrange
        await StudioSession.CreateUserAsync(_server, "admin@example.com", KbRoles.Admin);
        await using var context = await browser.NewContextAsync(1280, 900);
        var page = await StudioPages.SignInAsync(context, _server.RootUri, "admin@example.com", "correct horse battery", _consoleErrors);
        await page.GotoAsync(new Uri(_server.RootUri, "/studio/articles").ToString());

        // Act / Assert
        await AssertSkipLinkMovesFocusToMainAsync(page);
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task Autocomplete_ArrowKeys_MarkTheActiveOption_WithAVisibleOutline()
    {
        // Arrange
        await _server.WaitForIndexAsync();
        await using var context = await browser.NewContextAsync(1280, 900);
        var page = await StudioPages.NewPageAsync(context, _consoleErrors);
        await page.GotoAsync(_server.RootUri.ToString());
        var box = page.Locator("main input[name='q']").First;
        await box.FocusAsync();
        await page.Keyboard.TypeAsync("invoice");
        var options = page.Locator("[role='listbox'] [role='option']");
        await options.First.WaitForAsync();

        // Act
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");

        // Assert: the box keeps focus and points at the second option, which alone is selected and shows a ring.
        Assert.Equal("true", await box.GetAttributeAsync("aria-expanded"));
        Assert.True(await box.EvaluateAsync<bool>("e => e === document.activeElement"), "focus stays in the box");
        var activeId = await box.GetAttributeAsync("aria-activedescendant");
        Assert.Equal(await options.Nth(1).GetAttributeAsync("id"), activeId);
        var active = page.Locator($"[id='{activeId}']");
        Assert.Equal("true", await active.GetAttributeAsync("aria-selected"));
        Assert.Equal(1, await page.Locator("[role='option'][aria-selected='true']").CountAsync());
        Assert.True(await active.EvaluateAsync<bool>(ShowsFocusScript), "the active option has an outline or a ring");
        Assert.False(await options.Nth(0).EvaluateAsync<bool>(ShowsFocusScript), "only the active option has the ring");
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task EditorToolbar_FocusedWithTheKeyboard_ShowsAFocusRing()
    {
        // Arrange
        await StudioSession.CreateUserAsync(_server, "admin@example.com", KbRoles.Admin);
        await using var context = await browser.NewContextAsync(1280, 900);
        var page = await StudioPages.SignInAsync(context, _server.RootUri, "admin@example.com", "correct horse battery", _consoleErrors);
        await page.GotoAsync(new Uri(_server.RootUri, "/studio/edit?path=integrations-and-api/api/receive-webhooks").ToString());
        await page.Locator("#editor-toolbar button").First.WaitForAsync();

        // Act: from the field just before the toolbar, Tab onto its first button, then across it.
        await page.FocusAsync("details.more-fields > summary");
        await page.Keyboard.PressAsync("Tab");
        var first = await FocusedAsync(page);
        await page.Keyboard.PressAsync("ArrowRight");
        var second = await FocusedAsync(page);

        // Assert
        Assert.Equal(("bold", true), first);
        Assert.Equal(("italic", true), second);
        Assert.Empty(_consoleErrors);
    }

    private static async Task<(string? Command, bool Ring)> FocusedAsync(IPage page)
    {
        var focused = page.Locator(":focus");
        return (await focused.GetAttributeAsync("data-cmd"), await focused.EvaluateAsync<bool>(ShowsFocusScript));
    }

    private static async Task AssertSkipLinkMovesFocusToMainAsync(IPage page)
    {
        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator(":focus");
        Assert.Equal("#main", await skip.GetAttributeAsync("href"));
        Assert.True(await skip.IsVisibleAsync(), "the focused skip link is on screen");
        Assert.True(await skip.EvaluateAsync<bool>(ShowsFocusScript), "the focused skip link shows its focus");

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.tagName.toLowerCase()"));
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));

        // The next Tab continues inside main, not from the top of the page again.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("document.querySelector('main').contains(document.activeElement)"), "Tab after the skip continues inside main");
    }

    public void Dispose() => _server.Dispose();
}
