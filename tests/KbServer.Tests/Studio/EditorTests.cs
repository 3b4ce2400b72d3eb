using System.Net;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.Studio;

/// <summary>The editor's server side: preview, drafts, uploads, saves, conflicts and refusals, through its forms.</summary>
public sealed class EditorTests(SampleServerFactory factory) : IClassFixture<SampleServerFactory>
{
    [Fact]
    public async Task Preview_RendersWithTheHelpCentersPipeline_AndSanitizes()
    {
        var author = await StudioSession.NewUserAsync(factory, "preview@example.com", KbRoles.Author);

        var response = await author.SubmitAsync("/studio/edit", "form.editor", new()
        {
            ["Form.Body"] = "**Bold** <script>alert(1)</script>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
            ["Path"] = "invoicing/x",
        }, handler: "Preview");

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("<strong>Bold</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<table", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_IsKeptOnTheServer_AndRestoredOnReturn_UntilTheArticleIsSaved()
    {
        var author = await StudioSession.NewUserAsync(factory, "drafty@example.com", KbRoles.Author);
        var url = "/studio/edit?path=" + Uri.EscapeDataString(EditablePath);

        var draft = await author.SubmitAsync(url, "form.editor", new() { ["Form.Body"] = "Half-written paragraph about refunds." }, handler: "Draft");
        Assert.True(draft.StatusCode == HttpStatusCode.NoContent, await draft.Content.ReadAsStringAsync());

        var reopened = await author.GetDocumentAsync(url);
        Assert.NotNull(reopened.QuerySelector("#draft-restored"));
        Assert.Equal("Half-written paragraph about refunds.", reopened.QuerySelector("textarea#body")!.TextContent);

        var saved = await author.SubmitAsync(url, "form.editor", new() { ["Form.Body"] = "Half-written paragraph about refunds, finished." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await author.GetDocumentAsync(url);
        Assert.Null(after.QuerySelector("#draft-restored"));
        Assert.Equal("Half-written paragraph about refunds, finished.", after.QuerySelector("textarea#body")!.TextContent.Trim());
    }

    [Fact]
    public async Task Preview_AsTheScriptSendsIt_ForANewArticle()
    {
        var author = await StudioSession.NewUserAsync(factory, "script@example.com", KbRoles.Author);
        var page = await author.GetDocumentAsync("/studio/edit");
        var token = page.QuerySelector("form.editor input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new MultipartFormDataContent { { new StringContent("Some **text**"), "Form.Body" }, { new StringContent(string.Empty), "Path" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/studio/edit?handler=Preview") { Content = body };
        request.Headers.Add("RequestVerificationToken", token);

        var response = await author.Client.SendAsync(request);

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("<strong>text</strong>", html, StringComparison.Ordinal);
    }

    private static string EditablePath => SampleArticle.ReadAll(RepoPaths.Content).First(a => !a.Internal).Path;
}
