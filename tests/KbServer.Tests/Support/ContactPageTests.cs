using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using KbCore.Accounts;
using KbCore.Contact;
using KbCore.Data;
using KbServer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KbServer.Tests.Support;

/// <summary>The contact page without script, its suggestions, the deflection funnel and page views, over real HTTP.</summary>
public sealed class ContactPageTests : SupportServer
{
    [Fact]
    public async Task FindAnswers_WithoutScript_ListsPublicSuggestionsOnly()
    {
        await Factory.WaitForIndexAsync();
        var visitor = StudioSession.Anonymous(Factory);

        var response = await visitor.SubmitAsync("/contact", "form[data-contact-form]", new() { ["subject"] = "invoice email never arrived zorblax override", ["action"] = "suggest" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var links = page.QuerySelectorAll(".contact-suggestion__link").Select(a => a.TextContent).ToArray();
        Assert.Contains("Invoice email never arrived", links);
        Assert.DoesNotContain(links, l => l.Contains("Zorblax", StringComparison.Ordinal));
        Assert.DoesNotContain("zorblax", page.QuerySelector(".contact-suggestions")!.TextContent, StringComparison.OrdinalIgnoreCase);
        var json = await visitor.Client.GetStringAsync("/contact/suggestions?subject=zorblax%20override");
        Assert.DoesNotContain("secret-billing", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Zorblax", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_StoresTheRequest_AndInvalidFieldsAreNamed()
    {
        var visitor = StudioSession.Anonymous(Factory);

        var invalid = await visitor.SubmitAsync("/contact", "form[data-contact-form]", new() { ["subject"] = "", ["description"] = "help", ["email"] = "not-an-address", ["action"] = "send" });
        var sent = await visitor.SubmitAsync("/contact", "form[data-contact-form]", new() { ["subject"] = "Refund please", ["description"] = "I was charged twice.", ["email"] = "ann@example.com", ["category"] = "refunds", ["action"] = "send" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var page = await Html.ParseAsync(invalid);
        Assert.NotNull(page.QuerySelector("#contact-subject-error"));
        Assert.NotNull(page.QuerySelector("#contact-email-error"));
        Assert.Equal("help", ((IHtmlTextAreaElement)page.QuerySelector("#contact-description")!).Value);
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        Assert.Equal("/contact?sent=1", sent.Headers.Location?.OriginalString);
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<KbDbContext>>().CreateDbContextAsync();
        var stored = await db.ContactRequests.SingleAsync();
        Assert.Equal(("Refund please", "ann@example.com", "refunds", ContactDeliveryStates.Stored), (stored.Subject, stored.Email, stored.Category, stored.DeliveryState));
        var team = await StudioSession.NewUserAsync(Factory, "agent@example.com", KbRoles.Author);
        var list = await team.GetDocumentAsync("/studio/contact-requests");
        Assert.Contains("Refund please", list.QuerySelector("#contact-requests")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpeningASuggestion_IsADeflection_UntilTheVisitorSubmitsAnyway()
    {
        await Factory.WaitForIndexAsync();
        var reports = await ApiTokens.ClientAsync(Factory, "lead@example.com", KbRoles.Admin, TokenScopes.Reports);
        var visitor = StudioSession.Anonymous(Factory);
        var suggested = await visitor.SubmitAsync("/contact", "form[data-contact-form]", new() { ["subject"] = "invoice email never arrived", ["category"] = "billing", ["action"] = "suggest" });
        var page = await Html.ParseAsync(suggested);
        var open = page.QuerySelector(".contact-suggestion__link")!.GetAttribute("href")!;

        var opened = await visitor.Client.GetAsync(open);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/help/invoice-email", opened.Headers.Location?.OriginalString);
        Assert.Equal(1, await DeflectionsAsync(reports, "billing"));

        var form = (IHtmlFormElement)page.QuerySelector("form[data-contact-form]")!;
        await visitor.PostFormAsync("/contact", form, new() { ["subject"] = "still broken", ["description"] = "no luck", ["email"] = "bob@example.com", ["action"] = "send" });
        Assert.Equal(0, await DeflectionsAsync(reports, "billing"));
    }

    [Fact]
    public async Task OpenLink_GoesOnlyToPublicArticles()
    {
        var visitor = StudioSession.Anonymous(Factory);
        var session = new string('a', 32);

        var secret = await visitor.Client.GetAsync($"/contact/open?session={session}&to=%2Fhelp%2Fsecret-billing");
        var elsewhere = await visitor.Client.GetAsync($"/contact/open?session={session}&to=https%3A%2F%2Fevil.example");

        Assert.Equal("/contact", secret.Headers.Location?.OriginalString);
        Assert.Equal("/contact", elsewhere.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ArticleViews_AreCountedPerCategory()
    {
        var reports = await ApiTokens.ClientAsync(Factory, "lead@example.com", KbRoles.Admin, TokenScopes.Reports);
        var visitor = Factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            (await visitor.GetAsync("/help/export-csv")).EnsureSuccessStatusCode();
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        var views = 0;
        while (views < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            views = (await RowAsync(reports, "exports")).GetProperty("views").GetInt32();
        }

        Assert.Equal(3, views);
    }

    private static async Task<int> DeflectionsAsync(HttpClient reports, string category) =>
        (await RowAsync(reports, category)).GetProperty("deflections").GetInt32();

    private static async Task<JsonElement> RowAsync(HttpClient reports, string category) =>
        (await reports.GetFromJsonAsync<JsonElement>("/api/v1/reports/ticket-categories")).EnumerateArray().Single(r => r.GetProperty("category").GetString() == category);
}
