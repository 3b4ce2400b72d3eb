using System.Net.Http.Json;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KbServer.E2E;

/// <summary>
/// axe-core on the help center (both shipped themes) and the studio's main pages, in a real Chromium with the real CSP:
/// no serious or critical WCAG 2.1 A/AA violation. Keyboard behaviour axe cannot see is in <see cref="KeyboardAccessTests"/>.
/// </summary>
public sealed class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Article = "/integrations-and-api/api/receive-webhooks"; // a table, an alert and code blocks

    private readonly List<string> _consoleErrors = [];

    [Fact]
    public async Task HelpCenterPages_DefaultTheme_HaveNoSeriousOrCriticalViolations()
    {
        // Arrange
        using var server = new KestrelServerFactory();
        await server.WaitForIndexAsync();
        await using var context = await browser.NewContextAsync(1280, 900);
        var page = await StudioPages.NewPageAsync(context, _consoleErrors);
        var failures = new List<string>();

        // Act
        failures.AddRange(await AuditAsync(page, server.RootUri,
            ("home", "/"), ("category", "/integrations-and-api"), ("section", "/integrations-and-api/api"), ("article", Article),
            ("search results", "/search?q=invoice"), ("contact", "/contact"), ("404", "/no-such-page")));

        failures.AddRange(await AuditStatesAsync(page, server.RootUri, string.Empty));

        // Assert
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.DoesNotContain(_consoleErrors, e => !IsExpectedStatus(e));
    }

    [Fact]
    public async Task HelpCenterPages_MidnightTheme_HaveNoSeriousOrCriticalViolations()
    {
        // Arrange
        using var server = KestrelServerFactory.WithSettings(new Dictionary<string, string?> { ["Themes:Active"] = "midnight" });
        await server.WaitForIndexAsync();
        await using var context = await browser.NewContextAsync(1280, 900);
        var page = await StudioPages.NewPageAsync(context, _consoleErrors);
        var failures = new List<string>();

        // Act
        failures.AddRange(await AuditAsync(page, server.RootUri,
            ("midnight home", "/"), ("midnight category", "/integrations-and-api"), ("midnight article", Article), ("midnight search results", "/search?q=invoice")));
        failures.AddRange(await AuditStatesAsync(page, server.RootUri, "midnight "));

        // Assert
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.DoesNotContain(_consoleErrors, e => !IsExpectedStatus(e));
    }

    [Fact]
    public async Task StudioPages_SignedInAsAdmin_HaveNoSeriousOrCriticalViolations()
    {
        // Arrange: searches and tickets so both reports draw their charts, and a change request with an edit in it.
        using var server = new KestrelServerFactory();
        await server.WaitForIndexAsync();
        using var events = await ApiTokens.ClientAsync(server, "helpdesk@example.com", KbRoles.Author, TokenScopes.Events);
        for (var i = 0; i < 3; i++)
        {
            (await events.PostAsJsonAsync("/api/v1/ticket-events", new { id = $"t{i}", type = "ticket.created", ticketId = $"T{i}", category = "invoice-delivery" })).EnsureSuccessStatusCode();
        }

        using var customer = new HttpClient { BaseAddress = server.RootUri };
        foreach (var q in new[] { "invoice", "refund", "wombat" })
        {
            (await customer.GetAsync(new Uri("/search?q=" + q, UriKind.Relative))).EnsureSuccessStatusCode();
        }

        await StudioSession.CreateUserAsync(server, "admin@example.com", KbRoles.Admin);
        await using var context = await browser.NewContextAsync(1280, 900);
        var failures = new List<string>(await AuditAsync(await StudioPages.NewPageAsync(context, _consoleErrors), server.RootUri, ("studio sign-in", "/studio/login")));
        var page = await StudioPages.SignInAsync(context, server.RootUri, "admin@example.com", "correct horse battery", _consoleErrors);
        failures.AddRange(await AxeAudit.ViolationsAsync(page, "studio dashboard"));

        await page.GotoAsync(new Uri(server.RootUri, "/studio/changes").ToString());
        await page.FillAsync("#title", "Friendlier webhook wording");
        await page.ClickAsync("#start-change");
        await page.Locator("#cr-state").WaitForAsync();
        var changeUrl = page.Url;
        await page.FillAsync("#edit-path", Article.TrimStart('/'));
        await page.ClickAsync("#edit-in-change");
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.PressAsync("Control+Home");
        await page.Keyboard.TypeAsync("Webhooks tell your systems what happened.\n\n");
        await page.ClickAsync("#save");
        await page.Locator("#cr-notice").WaitForAsync();

        // Act: the page load waits for the deferred editor bundle, so CodeMirror is there when axe runs.
        failures.AddRange(await AuditAsync(page, server.RootUri,
            ("studio article list", "/studio/articles"), ("studio editor", "/studio/edit?path=" + Uri.EscapeDataString(Article.TrimStart('/'))),
            ("studio new article", "/studio/edit"), ("studio change request", new Uri(changeUrl).PathAndQuery),
            ("studio search report", "/studio/reports/search"), ("studio support report", "/studio/reports/support")));

        // Assert
        Assert.True(await page.Locator("svg.chart[role=img][aria-label]").CountAsync() == 2, "the support report draws both charts, labelled");
        Assert.Equal(1, await page.Locator("#authoring .chart-data table").CountAsync());
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Empty(_consoleErrors);
    }

    /// <summary>
    /// Chromium logs the status of every 4xx document as a console error: the 404 page's 404 and the contact form's
    /// 400 with field errors are what these pages are meant to answer.
    /// </summary>
    private static bool IsExpectedStatus(string consoleError) =>
        consoleError.StartsWith("Failed to load resource: the server responded with a status of 404", StringComparison.Ordinal) ||
        consoleError.StartsWith("Failed to load resource: the server responded with a status of 400", StringComparison.Ordinal);

    private static async Task<IReadOnlyList<string>> AuditAsync(IPage page, Uri root, params (string Name, string Url)[] pages)
    {
        var failures = new List<string>();
        foreach (var (name, url) in pages)
        {
            await page.GotoAsync(new Uri(root, url).ToString());
            failures.AddRange(await AxeAudit.ViolationsAsync(page, name));
        }

        return failures;
    }

    /// <summary>States a page load does not show: the open autocomplete with an option active, the contact form's errors.</summary>
    private static async Task<IReadOnlyList<string>> AuditStatesAsync(IPage page, Uri root, string prefix)
    {
        await page.GotoAsync(root.ToString());
        var box = page.Locator("main input[name='q']").First;
        await box.FillAsync("invoice");
        await page.Locator("[role='listbox'] [role='option']").First.WaitForAsync();
        await box.PressAsync("ArrowDown");
        var failures = new List<string>(await AxeAudit.ViolationsAsync(page, prefix + "home with suggestions open"));

        await page.GotoAsync(new Uri(root, "/contact").ToString());
        await page.ClickAsync("button[value=send]");
        await page.Locator(".field__error").First.WaitForAsync();
        failures.AddRange(await AxeAudit.ViolationsAsync(page, prefix + "contact form with errors"));
        return failures;
    }
}
