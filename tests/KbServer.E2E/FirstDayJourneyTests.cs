using KbServer.Auth;
using KbServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KbServer.E2E;

/// <summary>
/// The first minutes, at desktop and phone widths: setup lands on a welcome, the invitation link is copied with one
/// click, and the invited person sets a password and signs in from a confirmed, pre-filled form.
/// </summary>
public sealed class FirstDayJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly KestrelServerFactory _server = new();
    private readonly List<string> _consoleErrors = [];

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task Setup_Welcome_Invite_CopyTheLink_SetPassword_SignIn(int width, int height)
    {
        var setupLink = new Uri(_server.RootUri, "/studio/setup?token=" + _server.Services.GetRequiredService<FirstRunSetup>().Open());
        await using var adminContext = await browser.NewContextAsync(width, height);
        await adminContext.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = _server.RootUri.GetLeftPart(UriPartial.Authority) });
        var admin = await NewPageAsync(adminContext);

        await admin.GotoAsync(setupLink.ToString());
        await admin.FillAsync("#name", "Ada Admin");
        await admin.FillAsync("#email", "ada@example.com");
        await admin.FillAsync("#password", "correct horse battery");
        await admin.ClickAsync("#create-admin");
        await admin.Locator("#welcome").WaitForAsync();
        Assert.Contains("invite", (await admin.Locator("#welcome").TextContentAsync())!, StringComparison.OrdinalIgnoreCase);
        await Shot(admin, $"welcome-{width}");

        await admin.FillAsync("#new-name", "Avery Author");
        await admin.FillAsync("#new-email", "avery@example.com");
        await admin.SelectOptionAsync("#new-role", "Author");
        await admin.ClickAsync("#add-user");
        await admin.ClickAsync("button[data-copy]");
        await admin.Locator("[data-copy-status]", new() { HasText = "Copied" }).WaitForAsync();
        var invitation = await admin.EvaluateAsync<string>("navigator.clipboard.readText()");
        Assert.Equal((await admin.Locator("#set-password-link").TextContentAsync())!.Trim(), invitation);
        Assert.False(await admin.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"), $"the users page scrolls sideways at {width}px");

        await using var authorContext = await browser.NewContextAsync(width, height);
        var author = await NewPageAsync(authorContext);
        await author.GotoAsync(invitation);
        await author.FillAsync("#password", "avery's own passphrase");
        await author.ClickAsync("#set-password");
        await author.Locator("#notice", new() { HasText = "password is set" }).WaitForAsync();
        Assert.Equal("avery@example.com", await author.InputValueAsync("#email"));
        await author.FillAsync("#password", "avery's own passphrase");
        await author.ClickAsync("#sign-in");
        await author.WaitForURLAsync(url => url.EndsWith("/studio", StringComparison.Ordinal));
        Assert.Contains("Avery Author", (await author.Locator("h1").TextContentAsync())!, StringComparison.Ordinal);
        Assert.Empty(_consoleErrors);
    }

    private Task<IPage> NewPageAsync(IBrowserContext context) => StudioPages.NewPageAsync(context, _consoleErrors);

    private static Task<byte[]> Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"kb-e2e-{name}.png"), FullPage = true });

    public void Dispose() => _server.Dispose();
}
