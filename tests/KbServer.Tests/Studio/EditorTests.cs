using System.Net;
using KbCore.Accounts;
using KbCore.Content;
using KbServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task TwoEditors_NonOverlappingEditsMerge_OverlappingOnesShowTheConflictWithBothTexts()
    {
        var ana = await StudioSession.NewUserAsync(factory, "ana.two@example.com", KbRoles.Author);
        var ben = await StudioSession.NewUserAsync(factory, "ben.two@example.com", KbRoles.Author);
        var url = await NewArticleAsync(ana, "invoicing/two-editors", "Alpha line.\n\nBeta line.\n\nGamma line.\n");
        var anaPage = await ana.GetDocumentAsync(url);
        var benPage = await ben.GetDocumentAsync(url);

        // Both opened the same revision; Ana changes the first paragraph, Ben the last.
        await SaveFromAsync(ana, url, anaPage, "Alpha line, by Ana.\n\nBeta line.\n\nGamma line.\n");
        var merged = await SaveFromAsync(ben, url, benPage, "Alpha line.\n\nBeta line.\n\nGamma line, by Ben.\n");
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var text = (await ana.GetDocumentAsync(url)).QuerySelector("textarea#body")!.TextContent;
        Assert.Contains("Alpha line, by Ana.", text, StringComparison.Ordinal);
        Assert.Contains("Gamma line, by Ben.", text, StringComparison.Ordinal);

        // Now both edit the same paragraph from the same revision: the second sees the conflict screen.
        anaPage = await ana.GetDocumentAsync(url);
        benPage = await ben.GetDocumentAsync(url);
        await SaveFromAsync(ana, url, anaPage, "Alpha line, by Ana.\n\nBeta line rewritten by Ana.\n\nGamma line, by Ben.\n");
        var conflict = await SaveFromAsync(ben, url, benPage, "Alpha line, by Ana.\n\nBeta line rewritten by Ben.\n\nGamma line, by Ben.\n");
        var screen = await Html.ParseAsync(conflict);

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("Beta line rewritten by Ana.", screen.QuerySelector("#their-text")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Beta line rewritten by Ben.", screen.QuerySelector("textarea#body")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Beta line rewritten by Ana.", (await ana.GetDocumentAsync(url)).QuerySelector("textarea#body")!.TextContent, StringComparison.Ordinal);

        // Ben resolves on the conflict screen (its base is now Ana's revision) and saves.
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)screen.QuerySelector("form.editor")!;
        var resolved = await ben.PostFormAsync(url, form, new() { ["Form.Body"] = "Alpha line, by Ana.\n\nBeta line rewritten by Ana and Ben.\n\nGamma line, by Ben.\n" });
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
    }

    [Theory]
    [InlineData("../escape", "..")]
    [InlineData("invoicing/.hidden", "dot")]
    [InlineData(".git/config", "dot")]
    [InlineData("invoicing/bad\u0001name", "control")]
    [InlineData("studio/taken", "belongs to the help center")]
    public async Task NewArticle_WithABadPath_GetsAFieldMessage_AndNothingIsCommitted(string path, string expected)
    {
        var author = await StudioSession.NewUserAsync(factory, $"paths{Guid.NewGuid():N}@example.com", KbRoles.Author);
        var tip = factory.Services.GetRequiredService<ContentStore>().Current.CommitSha;

        var response = await author.SubmitAsync("/studio/edit", "form.editor", new() { ["Path"] = path, ["Form.Title"] = "T", ["Form.Body"] = "Body" });
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, page.QuerySelector("[data-valmsg-for='Path']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(tip, factory.Services.GetRequiredService<ContentStore>().Current.CommitSha);
    }

    [Fact]
    public async Task InvalidYaml_AndBadDate_AreFieldMessages_AndNothingIsCommitted()
    {
        var author = await StudioSession.NewUserAsync(factory, "yaml@example.com", KbRoles.Author);
        var tip = factory.Services.GetRequiredService<ContentStore>().Current.CommitSha;

        var response = await author.SubmitAsync("/studio/edit", "form.editor", new()
        {
            ["Path"] = "invoicing/yaml-test", ["Form.Title"] = "Yaml", ["Form.OtherYaml"] = "legacy: [unclosed", ["Form.ReviewBy"] = "next tuesday", ["Form.Body"] = "Body",
        });
        var page = await Html.ParseAsync(response);

        Assert.Contains("Line", page.QuerySelector("[data-valmsg-for='Form.OtherYaml']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2027-03-31", page.QuerySelector("[data-valmsg-for='Form.ReviewBy']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("legacy: [unclosed", page.QuerySelector("textarea#other-yaml")!.TextContent.Trim());
        Assert.Equal(tip, factory.Services.GetRequiredService<ContentStore>().Current.CommitSha);
    }

    [Theory]
    [InlineData("page.png", "<html><script>alert(1)</script></html>", "not a PNG")]
    [InlineData("logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "SVG")]
    public async Task Uploads_ThatAreNotImages_AreRefusedWithAClearMessage(string name, string content, string expected)
    {
        var author = await StudioSession.NewUserAsync(factory, $"up{Guid.NewGuid():N}@example.com", KbRoles.Author);

        var response = await author.UploadImageAsync(name, System.Text.Encoding.UTF8.GetBytes(content));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uploads_OverTheSizeLimit_AreRefused_AndRealImagesAccepted()
    {
        var author = await StudioSession.NewUserAsync(factory, "bigupload@example.com", KbRoles.Author);
        var big = new byte[KbCore.Content.ImageTypes.MaxBytes + 1];
        TinyPng.Bytes.CopyTo(big, 0);

        var tooBig = await author.UploadImageAsync("huge.png", big);
        var fine = await author.UploadImageAsync("Screen Shot.png", TinyPng.Bytes);

        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Contains("at most 5 MB", await tooBig.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        Assert.Contains("](images/screen-shot-", await fine.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> NewArticleAsync(StudioSession session, string path, string body)
    {
        var created = await session.SubmitAsync("/studio/edit", "form.editor", new() { ["Path"] = path, ["Form.Title"] = "Two editors", ["Form.Body"] = body });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return "/studio/edit?path=" + Uri.EscapeDataString(path);
    }

    private static Task<HttpResponseMessage> SaveFromAsync(StudioSession session, string url, AngleSharp.Html.Dom.IHtmlDocument page, string body) =>
        session.PostFormAsync(url, (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form.editor")!, new() { ["Form.Body"] = body });

    private static string EditablePath => SampleArticle.ReadAll(RepoPaths.Content).First(a => !a.Internal).Path;
}
