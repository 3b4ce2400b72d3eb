using System.Net;
using AngleSharp.Html.Dom;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KbServer.Tests.Studio;

/// <summary>
/// A web save on the real server changes only what the person changed: an article pushed with its author's own front
/// matter layout (flow list, comments, blank lines) keeps it byte for byte in the commit git stores.
/// </summary>
public sealed class FrontMatterSaveTests(KestrelServerFactory server) : IClassFixture<KestrelServerFactory>, IDisposable
{
    private const string FrontMatter =
        "---\n" +
        "title: Pause a recurring invoice\n" +
        "summary: Stop a schedule for a while without losing it.\n" +
        "tags: [invoices, recurring]   # shown as chips\n" +
        "visibility: public\n" +
        "\n" +
        "# Position in the section.\n" +
        "order: 2\n" +
        "owner: ana@example.com\n" +
        "---\n";

    private const string Body = "\nPausing keeps the schedule and its history.\n";

    private readonly TempDirectory _clone = new("kbclone");

    [Fact]
    public async Task BodyEdit_CommitsTheFrontMatterByteForByte()
    {
        // Arrange
        var path = PushArticle("invoicing/pause-body-edit");
        var author = await StudioSession.NewUserAsync(server, "fm.body@example.com", KbRoles.Author);
        var url = "/studio/edit?path=" + Uri.EscapeDataString(path);
        var page = await author.GetDocumentAsync(url);
        var form = (IHtmlFormElement)page.QuerySelector("form.editor")!;
        var body = ((IHtmlTextAreaElement)page.QuerySelector("textarea#body")!).Value;
        var otherYaml = ((IHtmlTextAreaElement)page.QuerySelector("textarea#other-yaml")!).Value;

        // Act: a section added to the body, sent the way a browser sends textareas (CRLF line breaks).
        var saved = await author.PostFormAsync(url, form, new()
        {
            ["Form.Body"] = AsBrowserSends(body + "\n## Resume\n\nClick **Resume**.\n"),
            ["Form.OtherYaml"] = AsBrowserSends(otherYaml),
            ["Form.Summary"] = AsBrowserSends(((IHtmlTextAreaElement)page.QuerySelector("textarea#summary")!).Value),
        });

        // Assert
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        Assert.Equal("# Position in the section.\norder: 2\n", otherYaml);
        Assert.Equal(FrontMatter + Body + "\n## Resume\n\nClick **Resume**.\n", Committed(path));
        Assert.Contains("fm.body@example.com", Git.Run(server.RepositoryPath, "log", "-1", "--format=%ae", "main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TagChange_ChangesOnlyTheTagsLineInTheCommit()
    {
        // Arrange
        var path = PushArticle("invoicing/pause-tag-edit");
        var author = await StudioSession.NewUserAsync(server, "fm.tags@example.com", KbRoles.Author);
        var url = "/studio/edit?path=" + Uri.EscapeDataString(path);
        var before = Git.Run(server.RepositoryPath, "rev-parse", "main").Trim();

        // Act
        var saved = await author.SubmitAsync(url, "form.editor", new() { ["Form.Tags"] = "invoices, recurring, schedules" });

        // Assert
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var diff = Git.Run(server.RepositoryPath, "diff", "--unified=0", before, "main", "--", path + ".md")
            .Split('\n').Where(l => l.Length > 0 && l[0] is '+' or '-' && !l.StartsWith("+++", StringComparison.Ordinal) && !l.StartsWith("---", StringComparison.Ordinal));
        Assert.Equal(
            ["-tags: [invoices, recurring]   # shown as chips", "+tags: [invoices, recurring, schedules]   # shown as chips"],
            diff);
    }

    public void Dispose() => _clone.Dispose();

    /// <summary>Commits the article from a clone and pushes it, as an author working in their own editor would.</summary>
    private string PushArticle(string path)
    {
        _ = server.Services.GetRequiredService<KbCore.Content.ContentStore>().Current;
        var work = _clone.Combine(path.Replace('/', '-'));
        Git.Run(_clone.Path, "clone", "-q", server.RepositoryPath, work);
        File.WriteAllText(Path.Combine(work, path + ".md"), FrontMatter + Body);
        Git.Run(work, "add", ".");
        Git.Run(work, "commit", "-q", "-m", "Add " + path);
        Git.Run(work, "push", "-q", "origin", "main");
        return path;
    }

    private string Committed(string path) => Git.Run(server.RepositoryPath, "cat-file", "blob", $"main:{path}.md");

    private static string AsBrowserSends(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
}
