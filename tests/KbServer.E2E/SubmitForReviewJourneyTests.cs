using KbCore.Content;
using KbServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KbServer.E2E;

/// <summary>
/// Under a policy where authors need review, at desktop and phone widths: the author's save is "Submit for review",
/// the reviewer finds it in their panel, approves and merges, and the merged request still shows its diff.
/// </summary>
public sealed class SubmitForReviewJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly KestrelServerFactory _server = new();
    private readonly List<string> _consoleErrors = [];

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task AuthorSubmitsForReview_ReviewerFindsItInThePanel_ApprovesAndMerges_TheDiffStays(int width, int height)
    {
        using (var scope = _server.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<KbServer.Auth.TeamAccounts>();
            await accounts.CreateAsync("author@example.com", "Alex Author", "Author", "alex's long passphrase");
            await accounts.CreateAsync("reviewer@example.com", "Rae Reviewer", "Reviewer", "rae's long passphrase");
            var policy = "publish_directly: [Reviewer, Admin]\nmin_approvals: 1\n";
            var saved = await scope.ServiceProvider.GetRequiredService<ContentWriter>()
                .SaveSettingsFileAsync(".kb/policy.yml", policy, new CommitIdentity("Ada Admin", "ada@example.com"), "Authors need review", null, CancellationToken.None);
            Assert.Equal(SaveStatus.Committed, saved.Status);
        }

        var article = SampleArticle.ReadAll(RepoPaths.Content).First(a => !a.Internal);
        await using var authorContext = await browser.NewContextAsync(width, height);
        var author = await SignInAsync(authorContext, "author@example.com", "alex's long passphrase");
        await author.GotoAsync(Url("/studio/edit?path=" + Uri.EscapeDataString(article.Path)));
        Assert.Equal("Submit for review", (await author.Locator("#save").TextContentAsync())!.Trim());
        Assert.True(await author.Locator("#review-note").IsVisibleAsync());
        await author.Locator(".cm-content").ClickAsync();
        await author.Keyboard.PressAsync("Control+Home");
        await author.Keyboard.TypeAsync("A sentence for the reviewer.\n\n");
        await author.ClickAsync("#save");
        await author.Locator("#cr-state", new() { HasText = "In review" }).WaitForAsync();
        var changeUrl = author.Url.Split('?')[0];
        await Shot(author, $"submitted-{width}");

        await using var reviewerContext = await browser.NewContextAsync(width, height);
        var reviewer = await SignInAsync(reviewerContext, "reviewer@example.com", "rae's long passphrase");
        var waiting = reviewer.Locator("#waiting-review tr[data-change] a");
        await waiting.First.WaitForAsync();
        Assert.Equal(1, await waiting.CountAsync());
        await Shot(reviewer, $"reviewer-panel-{width}");
        await waiting.First.ClickAsync();
        await reviewer.WaitForURLAsync(url => url.StartsWith(changeUrl, StringComparison.Ordinal));
        await reviewer.ClickAsync("#approve");
        await reviewer.Locator("#cr-state", new() { HasText = "Approved" }).WaitForAsync();
        Assert.Equal(0, await reviewer.Locator("#approve").CountAsync());
        await reviewer.ClickAsync("#merge");
        await reviewer.Locator("#cr-notice", new() { HasText = "Merged" }).WaitForAsync();

        await reviewer.GotoAsync(changeUrl);
        var file = reviewer.Locator($"section.change-file[data-path='{article.Path}']");
        Assert.Contains("A sentence for the reviewer.", await file.Locator("tr.ins").First.TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        var overflow = await reviewer.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, $"the merged request scrolls sideways at {width}px");
        Assert.Contains("A sentence for the reviewer.", await (await reviewer.APIRequest.GetAsync(Url(article.Url))).TextAsync(), StringComparison.Ordinal);
        await Shot(reviewer, $"merged-{width}");
        Assert.Empty(_consoleErrors);
    }

    private string Url(string path) => new Uri(_server.RootUri, path).ToString();

    private Task<IPage> SignInAsync(IBrowserContext context, string email, string password) =>
        StudioPages.SignInAsync(context, _server.RootUri, email, password, _consoleErrors);

    private static Task<byte[]> Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"kb-e2e-{name}.png"), FullPage = true });

    public void Dispose() => _server.Dispose();
}
