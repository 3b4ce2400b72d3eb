using KbServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KbServer.E2E;

/// <summary>A change request from edit to merge in a real browser: two articles, a line comment, a fix, an approval.</summary>
public sealed class ReviewJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly KestrelServerFactory _server = new();
    private readonly List<string> _consoleErrors = [];

    [Fact]
    public async Task AuthorEditsTwoArticles_ReviewerComments_AuthorFixes_ReviewerApprovesAndMerges()
    {
        using (var scope = _server.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<KbServer.Auth.TeamAccounts>();
            await accounts.CreateAsync("author@example.com", "Alex Author", "Author", "alex's long passphrase");
            await accounts.CreateAsync("reviewer@example.com", "Rae Reviewer", "Reviewer", "rae's long passphrase");
        }

        var articles = SampleArticle.ReadAll(RepoPaths.Content).Where(a => !a.Internal).Take(2).ToList();
        await using var authorContext = await browser.NewContextAsync(1280, 900);
        var author = await SignInAsync(authorContext, "author@example.com", "alex's long passphrase");

        await author.GotoAsync(Url("/studio/changes"));
        await author.FillAsync("#title", "Friendlier wording");
        await author.ClickAsync("#start-change");
        await author.Locator("#cr-state").WaitForAsync();
        var changeUrl = author.Url;
        foreach (var (article, i) in articles.Select((a, i) => (a, i)))
        {
            await author.FillAsync("#edit-path", article.Path);
            await author.ClickAsync("#edit-in-change");
            await author.Locator(".cm-content").ClickAsync();
            await author.Keyboard.PressAsync("Control+Home");
            await author.Keyboard.TypeAsync($"Reviewable sentence number {i}.\n\n");
            await author.ClickAsync("#save");
            await author.Locator("#cr-notice").WaitForAsync();
        }

        Assert.Equal(2, await author.Locator("section.change-file").CountAsync());
        Assert.DoesNotContain("Reviewable sentence number 0", await (await author.APIRequest.GetAsync(Url(articles[0].Url))).TextAsync(), StringComparison.Ordinal);
        await author.ClickAsync("#submit-review");
        await author.Locator("#cr-state", new() { HasText = "In review" }).WaitForAsync();

        await using var reviewerContext = await browser.NewContextAsync(1280, 900);
        var reviewer = await SignInAsync(reviewerContext, "reviewer@example.com", "rae's long passphrase");
        await reviewer.GotoAsync(changeUrl);
        var first = reviewer.Locator($"section.change-file[data-path='{articles[0].Path}']");
        var line = await first.Locator("tr.ins td.num").First.TextContentAsync();
        await first.Locator("input[name=line]").FillAsync(line!.Trim());
        await first.Locator("textarea[name=body]").FillAsync("Say 'sentence one', not a number.");
        await first.Locator(".comment-form button").ClickAsync();
        await reviewer.Locator("tr.comment", new() { HasText = "not a number" }).WaitForAsync();
        await reviewer.ClickAsync("#request-changes");
        await reviewer.Locator("#cr-state", new() { HasText = "Changes requested" }).WaitForAsync();

        await author.GotoAsync(changeUrl);
        Assert.True(await author.Locator("tr.comment", new() { HasText = "not a number" }).IsVisibleAsync());
        await author.Locator($"section.change-file[data-path='{articles[0].Path}'] a", new() { HasText = "Edit here" }).ClickAsync();
        await author.Locator(".cm-content").ClickAsync();
        await author.Keyboard.PressAsync("Control+Home");
        await author.Keyboard.TypeAsync("Sentence one, fixed. ");
        await author.ClickAsync("#save");
        await author.Locator("#cr-state", new() { HasText = "In review" }).WaitForAsync();

        await reviewer.GotoAsync(changeUrl);
        await reviewer.ClickAsync("#approve");
        await reviewer.Locator("#cr-state", new() { HasText = "Approved" }).WaitForAsync();
        await Shot(reviewer, "change-approved");
        await reviewer.ClickAsync("#merge");
        await reviewer.Locator("#cr-notice", new() { HasText = "Merged" }).WaitForAsync();

        var live = await (await reviewer.APIRequest.GetAsync(Url(articles[0].Url))).TextAsync();
        Assert.Contains("Sentence one, fixed.", live, StringComparison.Ordinal);
        var log = Git.Run(_server.RepositoryPath, "log", "-1", "--format=%P%n%B", "main");
        Assert.Equal(2, log.Split('\n')[0].Split(' ').Length);
        Assert.Contains("Approved-by: Rae Reviewer <reviewer@example.com>", log, StringComparison.Ordinal);
        Assert.Empty(_consoleErrors);
    }

    private string Url(string path) => new Uri(_server.RootUri, path).ToString();

    private Task<IPage> SignInAsync(IBrowserContext context, string email, string password) =>
        StudioPages.SignInAsync(context, _server.RootUri, email, password, _consoleErrors);

    private static Task<byte[]> Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"kb-e2e-{name}.png"), FullPage = true });

    public void Dispose() => _server.Dispose();
}
