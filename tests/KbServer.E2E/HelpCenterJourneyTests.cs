using KbServer.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KbServer.E2E;

/// <summary>A customer finds an answer by browsing, in a real browser, with the real CSP and assets in force.</summary>
public sealed class HelpCenterJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly KestrelServerFactory _server = new();
    private readonly List<string> _consoleErrors = [];

    [Fact]
    public async Task Customer_BrowsesFromHomeToAnArticle_WithoutConsoleOrCspErrors()
    {
        // Arrange
        var page = await NewPageAsync(1280, 900);

        // Act: home → first category → first section → first article
        await page.GotoAsync(_server.RootUri.ToString());
        await page.Locator("main a[href^='/']").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var categoryH1 = await page.Locator("h1").TextContentAsync();
        await ClickFirstArticleLinkAsync(page);

        // Assert
        Assert.False(string.IsNullOrWhiteSpace(categoryH1));
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.True(await page.Locator("nav[aria-label] a[href='/']").CountAsync() > 0, "breadcrumbs link home");
        Assert.True(await page.Locator("main").IsVisibleAsync());
        var stylesheetApplied = await page.EvaluateAsync<string>("getComputedStyle(document.body).fontFamily");
        Assert.DoesNotContain("Times", stylesheetApplied, StringComparison.Ordinal);
        Assert.Empty(_consoleErrors);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "kb-e2e-article.png"), FullPage = true });
    }

    [Fact]
    public async Task KeyboardUser_SkipLinkIsFirstAndMovesFocusToMain()
    {
        var page = await NewPageAsync(1280, 900);
        await page.GotoAsync(_server.RootUri.ToString());

        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')");

        Assert.Equal("#main", focused);
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task Customer_TypesInTheSearchBox_PicksASuggestionWithTheKeyboard()
    {
        // Arrange: suggestions need the index, which the server builds in the background at start.
        await _server.WaitForIndexAsync();
        var page = await NewPageAsync(1280, 900);
        await page.GotoAsync(_server.RootUri.ToString());

        // Act
        var box = page.Locator("main input[name='q']").First;
        await box.FillAsync("recur");
        await page.Locator("[role='listbox'] [role='option']").First.WaitForAsync();
        await box.PressAsync("ArrowDown");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("recurring", StringComparison.Ordinal));

        // Assert
        Assert.Contains("recurring", (await page.Locator("h1").TextContentAsync())!, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task Customer_SearchesWithATypo_FindsTheArticleWithHighlightedWords()
    {
        await _server.WaitForIndexAsync();
        var page = await NewPageAsync(1280, 900);
        await page.GotoAsync(_server.RootUri.ToString());

        await page.Locator("main input[name='q']").First.FillAsync("recuring invoce");
        await page.Locator("main form[role='search'] button[type='submit']").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/search?q=", StringComparison.Ordinal));
        await page.Locator(".search-result").First.WaitForAsync();

        Assert.True(await page.Locator(".search-result mark").CountAsync() > 0);
        Assert.Contains("recurring", (await page.Locator(".search-result a").First.TextContentAsync())!, StringComparison.OrdinalIgnoreCase);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "kb-e2e-search.png"), FullPage = true });
    }

    [Fact]
    public async Task PhoneSizedScreen_HasNoHorizontalScroll()
    {
        var page = await NewPageAsync(360, 780);
        var article = SampleArticle.ReadAll(RepoPaths.Content).First(a => !a.Internal);
        foreach (var url in new[] { "/", article.Url })
        {
            await page.GotoAsync(new Uri(_server.RootUri, url).ToString());
            var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, $"{url} scrolls sideways at 360px");
        }
    }

    private async Task<IPage> NewPageAsync(int width, int height)
    {
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(90_000); // as BrowserFixture.NewContextAsync: CI runs the test projects side by side
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

    private static async Task ClickFirstArticleLinkAsync(IPage page)
    {
        // A category lists sections; a section lists articles. Follow links until an article (it has a table of contents or a body).
        for (var depth = 0; depth < 3; depth++)
        {
            var links = page.Locator("main a[href^='/']:not([href='/'])");
            var current = new Uri(page.Url).AbsolutePath;
            var count = await links.CountAsync();
            for (var i = 0; i < count; i++)
            {
                var href = await links.Nth(i).GetAttributeAsync("href");
                if (href is not null && href.StartsWith(current + "/", StringComparison.Ordinal))
                {
                    await links.Nth(i).ClickAsync();
                    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                    break;
                }
            }

            if (await page.Locator("article").CountAsync() > 0)
            {
                return;
            }
        }
    }

    public void Dispose() => _server.Dispose();
}
