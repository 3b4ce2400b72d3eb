using System.Net;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.Studio;

/// <summary>
/// A submitted change request waits on every reviewer's dashboard and in the navigation's count until they give a
/// verdict; its author and other authors are not asked.
/// </summary>
public sealed class ReviewQueueTests : IDisposable
{
    private readonly TempDirectory _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
    {
        ["help/_index.md"] = "---\ntitle: Help\n---\n",
        ["help/refunds.md"] = "---\ntitle: Refunds\n---\nRefunds take five days.\n",
    });

    private readonly KbServerFactory _factory;

    public ReviewQueueTests() => _factory = new KbServerFactory(_seed.Path);

    [Fact]
    public async Task SubmittedRequest_WaitsForReviewers_UntilTheyGiveAVerdict()
    {
        // Arrange: an author's request with one edit, submitted for review.
        var author = await StudioSession.NewUserAsync(_factory, "queue.author@example.com", KbRoles.Author);
        var reviewer = await StudioSession.NewUserAsync(_factory, "queue.reviewer@example.com", KbRoles.Reviewer);
        var started = await author.SubmitAsync("/studio/changes", "form.inline-form", new() { ["title"] = "Refund wording" });
        var change = started.Headers.Location!.PathOnly();
        var id = change.Split('/')[^1];
        Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitAsync($"/studio/edit?change={id}&path=help/refunds", "form.editor", new() { ["Form.Body"] = "Refunds take one day.\n" })).StatusCode);
        var before = await reviewer.GetDocumentAsync("/studio");
        Assert.Empty(before.QuerySelectorAll("#waiting-review tr[data-change]"));

        // Act
        await author.SubmitAsync(change, "form[action*='handler=Submit']", []);
        var waiting = await reviewer.GetDocumentAsync("/studio");
        var authorsDashboard = await author.GetDocumentAsync("/studio");
        var beforeApproval = await reviewer.GetDocumentAsync(change);
        await reviewer.SubmitAsync(change, "form[action*='handler=Approve']", []);
        var after = await reviewer.GetDocumentAsync("/studio");
        var approvedPage = await reviewer.GetDocumentAsync(change);

        // Assert
        var row = waiting.QuerySelector($"#waiting-review tr[data-change='{id}']")!;
        Assert.Contains("Refund wording", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("queue.author", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(change, row.QuerySelector("a")!.GetAttribute("href"));
        Assert.StartsWith("1", waiting.QuerySelector("header nav a[href='/studio/changes'] .nav-count")!.TextContent, StringComparison.Ordinal);
        Assert.Null(authorsDashboard.QuerySelector("#waiting-review"));
        Assert.Null(authorsDashboard.QuerySelector("header nav .nav-count"));
        Assert.Empty(after.QuerySelectorAll("#waiting-review tr[data-change]"));
        Assert.Null(after.QuerySelector("header nav .nav-count"));
        Assert.Contains("Due for a re-check", after.QuerySelector(".stats")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("0 of 1 needed", beforeApproval.QuerySelector("#approvals")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(beforeApproval.QuerySelector("#approve"));
        Assert.Null(approvedPage.QuerySelector("#approve")); // approving twice is not offered
        Assert.NotNull(approvedPage.QuerySelector("#approved-by-you"));
    }

    public void Dispose()
    {
        _factory.Dispose();
        _seed.Dispose();
    }
}
