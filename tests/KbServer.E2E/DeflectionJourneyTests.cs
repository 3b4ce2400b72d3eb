using System.Net.Http.Json;
using System.Text.Json;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KbServer.E2E;

/// <summary>
/// A customer about to write to support types the question on the contact page, sees an article suggested, opens it
/// and says it helped: one deflection for the category, one appreciation for the article's author.
/// </summary>
public sealed class DeflectionJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly KestrelServerFactory _server = new();
    private readonly List<string> _consoleErrors = [];

    [Fact]
    public async Task CustomerTypesQuestion_OpensSuggestion_VotesHelpful_ReportsCountDeflectionAndAppreciation()
    {
        using var team = new HttpClient { BaseAddress = _server.RootUri };
        team.DefaultRequestHeaders.Authorization = new("Bearer", await ApiTokens.NewUserAsync(_server, "alex@example.com", KbRoles.Author, TokenScopes.ArticlesWrite, TokenScopes.Reports));
        var saved = await team.PutAsJsonAsync("/api/v1/articles/invoicing/quokka-bounces", new
        {
            content = "---\ntitle: Quokka invoices bounce back\nticket_categories: [invoice-delivery]\n---\nWhen a quokka invoice bounces, check the client's address and resend it.\n",
        });
        saved.EnsureSuccessStatusCode();
        await _server.WaitForIndexAsync();

        await using var context = await browser.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => _consoleErrors.Add(error);

        await page.GotoAsync(Url("/contact"));
        await page.SelectOptionAsync("#contact-category", "invoice-delivery");
        await page.FillAsync("#contact-subject", "my quokka invoice bounced");
        var suggestion = page.Locator(".contact-suggestion__link", new() { HasText = "Quokka invoices bounce back" });
        await suggestion.WaitForAsync();
        await Shot(page, "contact-suggestions");
        await suggestion.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/invoicing/quokka-bounces", StringComparison.Ordinal));

        await page.ClickAsync("#feedback button[value=yes]");
        await page.Locator("[data-feedback-thanks]").WaitForAsync();
        await Shot(page, "article-voted");

        var categories = await team.GetFromJsonAsync<JsonElement>("/api/v1/reports/ticket-categories");
        var delivery = categories.EnumerateArray().Single(r => r.GetProperty("category").GetString() == "invoice-delivery");
        Assert.Equal(1, delivery.GetProperty("deflections").GetInt32());
        Assert.Equal(1.0, delivery.GetProperty("helpful").GetDouble());
        var authors = await team.GetFromJsonAsync<JsonElement>("/api/v1/reports/authors");
        var alex = authors.EnumerateArray().Single(a => a.GetProperty("email").GetString() == "alex@example.com");
        Assert.Equal(1, alex.GetProperty("appreciations").GetInt32());

        // The team sees the same on the studio's support report.
        await using var studio = await browser.NewContextAsync(1280, 900);
        var lead = await studio.NewPageAsync();
        await lead.GotoAsync(Url("/studio/login"));
        await lead.FillAsync("#email", "alex@example.com");
        await lead.FillAsync("#password", "correct horse battery");
        await lead.ClickAsync("#sign-in");
        await lead.WaitForURLAsync(url => url.EndsWith("/studio", StringComparison.Ordinal));
        await lead.GotoAsync(Url("/studio/reports/support"));
        var row = lead.Locator("#ticket-categories tr[data-category=invoice-delivery]");
        Assert.Equal("1", (await row.Locator("td.deflections").TextContentAsync())?.Trim());
        Assert.Equal("1", (await lead.Locator("#authors tr", new() { HasText = "alex@example.com" }).Locator("td").Nth(3).TextContentAsync())?.Trim());
        await Shot(lead, "support-report");
        Assert.Empty(_consoleErrors);
    }

    private string Url(string path) => new Uri(_server.RootUri, path).ToString();

    private static Task<byte[]> Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"kb-e2e-{name}.png"), FullPage = true });

    public void Dispose() => _server.Dispose();
}
