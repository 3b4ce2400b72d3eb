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
    public async Task Admin_CompletesFirstRunSetup_InvitesAnAuthor_WhoWritesAnArticleWithAnImage_LiveAndSearchableAtOnce()
    {
        var setupLink = new Uri(_server.RootUri, "/studio/setup?token=" + _server.Services.GetRequiredService<FirstRunSetup>().Open());
        await using var adminContext = await browser.NewContextAsync(1280, 900);
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

        await using var authorContext = await browser.NewContextAsync(1280, 900);
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

        // The author writes a new article, drops an image into the text, and saves.
        await _server.WaitForIndexAsync();
        var before = Git.Run(_server.RepositoryPath, "rev-parse", "main").Trim();
        await author.GotoAsync(new Uri(_server.RootUri, "/studio/edit?folder=invoicing").ToString());
        await author.FillAsync("#title", "Pay by wombat");
        Assert.Equal("invoicing/pay-by-wombat", await author.InputValueAsync("#path"));
        await author.FillAsync("#summary", "Customers can settle invoices with a trained wombat.");
        await author.Locator(".cm-content").ClickAsync();
        await author.Keyboard.TypeAsync("Wombatpay settles the invoice. ");
        await author.Keyboard.PressAsync("Control+b");
        await author.Keyboard.TypeAsync("Fast");
        await DropImageAsync(author, ".cm-content", "receipt.png");
        await Shot(author, "editor-typing");
        Assert.True(_consoleErrors.Count == 0, string.Join("\n", _consoleErrors));
        await author.Locator("input[name='Attachments']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await author.Locator("#preview strong", new() { HasText = "Fast" }).WaitForAsync();
        await author.Locator("#preview img[src*='handler=Blob']").WaitForAsync();
        await Shot(author, "editor");
        await author.FillAsync("#message", "Explain wombat payments");
        await author.ClickAsync("#save");
        await author.Locator("#saved-notice").WaitForAsync();
        var saved = DateTime.UtcNow;

        var customer = await NewPageAsync(await browser.NewContextAsync());
        await customer.GotoAsync(new Uri(_server.RootUri, "/invoicing/pay-by-wombat").ToString());
        Assert.Equal("Pay by wombat", await customer.Locator("h1").TextContentAsync());
        var image = customer.Locator("article img");
        Assert.True(await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the image is served");
        string results;
        do
        {
            results = await (await customer.APIRequest.GetAsync(new Uri(_server.RootUri, "/api/v1/search?q=wombatpay").ToString())).TextAsync();
        }
        while (!results.Contains("invoicing/pay-by-wombat", StringComparison.Ordinal) && DateTime.UtcNow - saved < TimeSpan.FromSeconds(1));
        Assert.Contains("invoicing/pay-by-wombat", results, StringComparison.Ordinal);

        var log = Git.Run(_server.RepositoryPath, "log", "--format=%an <%ae>|%s", $"{before}..main").Trim().Split('\n');
        Assert.Equal("Avery Author <avery@example.com>|Explain wombat payments", Assert.Single(log));
        var files = Git.Run(_server.RepositoryPath, "show", "--name-only", "--format=", "main").Trim().Split('\n');
        Assert.Contains("invoicing/pay-by-wombat.md", files);
        Assert.Contains(files, f => f.StartsWith("invoicing/images/receipt-", StringComparison.Ordinal) && f.EndsWith(".png", StringComparison.Ordinal));
        await admin.GotoAsync(new Uri(_server.RootUri, "/studio/reports/search").ToString());
        await Shot(admin, "search-report");
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task DraftTypedAndLeftUnsaved_SurvivesABrowserRestart()
    {
        using (var scope = _server.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<TeamAccounts>().CreateAsync("drafter@example.com", "Dee Drafter", "Author", "dee's long passphrase");
        }

        var path = SampleArticle.ReadAll(RepoPaths.Content).First(a => !a.Internal).Path;
        var editor = new Uri(_server.RootUri, "/studio/edit?path=" + Uri.EscapeDataString(path)).ToString();
        await using (var first = await browser.NewContextAsync())
        {
            var page = await SignInAsync(first, "drafter@example.com", "dee's long passphrase");
            await page.GotoAsync(editor);
            await page.Locator(".cm-content").ClickAsync();
            await page.Keyboard.PressAsync("Control+End");
            await page.Keyboard.TypeAsync("\n\nA sentence nobody saved yet.");
            await page.Locator("#editor-status[data-kind='ok']").WaitForAsync();
        }

        // A new browser: no cookies, no local storage. Only the server can have kept the draft.
        await using var second = await browser.NewContextAsync();
        var again = await SignInAsync(second, "drafter@example.com", "dee's long passphrase");
        await again.GotoAsync(editor);

        Assert.True(await again.Locator("#draft-restored").IsVisibleAsync());
        // CodeMirror renders only the visible lines; the form field holds the whole text.
        Assert.Contains("A sentence nobody saved yet.", await again.Locator("textarea#body").InputValueAsync(), StringComparison.Ordinal);
        Assert.Empty(_consoleErrors);
    }

    private Task<IPage> SignInAsync(IBrowserContext context, string email, string password) =>
        StudioPages.SignInAsync(context, _server.RootUri, email, password, _consoleErrors);

    /// <summary>Drops a PNG onto an element the way a file dragged from the desktop arrives.</summary>
    private static Task<System.Text.Json.JsonElement?> DropImageAsync(IPage page, string selector, string name) =>
        page.Locator(selector).EvaluateAsync(
            """
            (target, args) => {
              const bytes = Uint8Array.from(atob(args.png), c => c.charCodeAt(0));
              const data = new DataTransfer();
              data.items.add(new File([bytes], args.name, { type: "image/png" }));
              target.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
            }
            """,
            new { png = Convert.ToBase64String(TinyPng.Bytes), name });

    private Task<IPage> NewPageAsync(IBrowserContext context) => StudioPages.NewPageAsync(context, _consoleErrors);

    private static Task<byte[]> Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"kb-e2e-studio-{name}.png"), FullPage = true });

    public void Dispose() => _server.Dispose();
}
