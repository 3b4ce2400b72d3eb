using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.HelpCenter;

/// <summary>What the search page says about a query it corrected, and what autocomplete offers, on the shipped sample help center.</summary>
public sealed class SearchFeedbackPageTests(SampleServerFactory factory) : IClassFixture<SampleServerFactory>
{
    [Fact]
    public async Task MisspelledQuery_SaysShowingResultsFor_AndLinksToTheSearchAsTyped()
    {
        // Arrange
        await factory.WaitForIndexAsync();
        var client = factory.CreateClient();

        // Act
        var page = await Html.ParseAsync(await client.GetAsync("/search?q=recuring+invoce"));

        // Assert
        var notice = page.QuerySelector(".search-suggestion--corrected")!;
        Assert.Equal("Showing results for recurring invoice Search instead for recuring invoce", Html.Words(notice.TextContent));
        Assert.Equal("recurring invoice", notice.QuerySelector("strong")!.TextContent);
        var links = notice.QuerySelectorAll("a").OfType<IHtmlAnchorElement>().Select(a => a.GetAttribute("href")!).ToArray();
        Assert.Equal(["/search?q=recurring%20invoice", "/search?q=recuring%20invoce&as_typed=1"], links);
        Assert.Null(page.QuerySelector(".search-suggestion:not(.search-suggestion--corrected)"));
        Assert.Contains(page.QuerySelectorAll(".search-result a").Select(a => a.TextContent), t => t.Contains("recurring invoice", StringComparison.OrdinalIgnoreCase));

        var asTyped = await Html.ParseAsync(await client.GetAsync(links[1]));
        var corrected = await Html.ParseAsync(await client.GetAsync(links[0]));
        Assert.Null(asTyped.QuerySelector(".search-suggestion--corrected"));
        Assert.Null(corrected.QuerySelector(".search-suggestion--corrected"));
        Assert.NotEmpty(corrected.QuerySelectorAll(".search-result"));
    }

    [Fact]
    public async Task Autocomplete_Shortcut_OffersEveryArticleAboutShortcuts()
    {
        await factory.WaitForIndexAsync();

        var json = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/autocomplete?q=shortcut");

        var paths = json.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("path").GetString()!).ToArray();
        Assert.Equal(["getting-started/first-steps/tour-the-dashboard", "troubleshooting/browsers-and-devices/fix-display-and-loading-problems"], paths);
    }
}
