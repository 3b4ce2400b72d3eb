using KbServer.Auth;
using KbServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KbServer.E2E;

/// <summary>The team's first day in a real browser: the admin sets up the installation and invites an author.</summary>
public sealed class StudioJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly KestrelServerFactory _server = new();
    private readonly List<string> _consoleErrors = [];

    [Fact]
    public async Task Admin_CompletesFirstRunSetup_InvitesAnAuthor_WhoSignsIn()
    {
        var setupLink = new Uri(_server.RootUri, "/studio/setup?token=" + _server.Services.GetRequiredService<FirstRunSetup>().Open());
        await using var adminContext = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var admin = await NewPageAsync(adminContext);

        await admin.GotoAsync(setupLink.ToString());
        await Shot(admin, "setup");
        await admin.FillAsync("#name", "Ada Admin");
        await admin.FillAsync("#email", "ada@example.com");
        await admin.FillAsync("#password", "correct horse battery");
        await admin.ClickAsync("#create-admin");
        await admin.WaitForURLAsync(url => url.Contains("/studio/admin/users", StringComparison.Ordinal));

        await admin.FillAsync("#new-name", "Avery Author");
        await admin.FillAsync("#new-email", "avery@example.com");
        await admin.SelectOptionAsync("#new-role", "Author");
        await admin.ClickAsync("#add-user");
        var invitation = (await admin.Locator("#set-password-link").TextContentAsync())!.Trim();
        await Shot(admin, "users");

        await using var authorContext = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var author = await NewPageAsync(authorContext);
        await author.GotoAsync(invitation);
        await author.FillAsync("#password", "avery's own passphrase");
        await author.ClickAsync("#set-password");
        await author.WaitForURLAsync(url => url.Contains("/studio/login", StringComparison.Ordinal));
        await author.FillAsync("#email", "avery@example.com");
        await author.FillAsync("#password", "avery's own passphrase");
        await author.ClickAsync("#sign-in");
        await author.WaitForURLAsync(url => url.EndsWith("/studio", StringComparison.Ordinal));

        Assert.Contains("Avery Author", (await author.Locator("h1").TextContentAsync())!, StringComparison.Ordinal);
        Assert.Equal(0, await author.Locator("a[href='/studio/admin/users']").CountAsync());
        await Shot(author, "dashboard");
        await admin.GotoAsync(new Uri(_server.RootUri, "/studio/reports/search").ToString());
        await Shot(admin, "search-report");
        Assert.Empty(_consoleErrors);
    }

    private async Task<IPage> NewPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => _consoleErrors.Add(error);
        return page;
    }

    private static Task<byte[]> Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"kb-e2e-studio-{name}.png"), FullPage = true });

    public void Dispose() => _server.Dispose();
}
