using System.Net;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.Studio;

/// <summary>Change requests through the studio's forms: start, edit into it, update from main with a conflict settled in the browser.</summary>
public sealed class ChangeRequestPagesTests : IDisposable
{
    private readonly TempDirectory _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
    {
        ["help/_index.md"] = "---\ntitle: Help\n---\n",
        ["help/refunds.md"] = "---\ntitle: Refunds\n---\nRefunds take five days.\n",
    });

    private readonly KbServerFactory _factory;

    public ChangeRequestPagesTests() => _factory = new KbServerFactory(_seed.Path);

    [Fact]
    public async Task EditIntoAChangeRequest_ThenSettleAConflictWithThePublishedBranchInTheBrowser()
    {
        var author = await StudioSession.NewUserAsync(_factory, "cr.author@example.com", KbRoles.Author);
        var started = await author.SubmitAsync("/studio/changes", "form.inline-form", new() { ["title"] = "Refund wording" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var change = started.Headers.Location!.PathOnly();

        var id = change.Split('/')[^1];
        var saved = await author.SubmitAsync($"/studio/edit?change={id}&path=help/refunds", "form.editor", new() { ["Form.Body"] = "Refunds take one day.\n" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.StartsWith(change, saved.Headers.Location!.PathOnly(), StringComparison.Ordinal);
        Assert.Contains("five days", await _factory.CreateClient().GetStringAsync("/help/refunds"), StringComparison.Ordinal);
        var overview = await author.GetDocumentAsync(change);
        Assert.Contains("Update Refunds", overview.QuerySelector("#commits")!.TextContent, StringComparison.Ordinal);
        var side = await author.GetDocumentAsync(change + "?view=side");
        Assert.Contains(side.QuerySelectorAll("table.diff.side td.del, table.diff.side td.mod"), td => td.TextContent.Contains("five days", StringComparison.Ordinal));

        // Meanwhile someone publishes a different wording of the same line.
        var publisher = await StudioSession.NewUserAsync(_factory, "cr.publisher@example.com", KbRoles.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await publisher.SubmitAsync("/studio/edit?path=help/refunds", "form.editor", new() { ["Form.Body"] = "Refunds take ten days.\n" })).StatusCode);

        var page = await Html.ParseAsync(await author.SubmitAsync(change, "form[action*='handler=Update']", []));
        Assert.Contains(page.QuerySelectorAll("#conflicts .theirs tr.ins"), tr => tr.TextContent.Contains("ten days", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("#conflicts .theirs tr.del"), tr => tr.TextContent.Contains("one day", StringComparison.Ordinal));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#conflicts")!;
        var resolved = await Html.ParseAsync(await author.PostFormAsync(change, form, new() { ["texts"] = "---\ntitle: Refunds\nvisibility: public\n---\nRefunds take two days.\n" }));

        Assert.Contains("Updated from the published branch", resolved.QuerySelector(".alert.ok")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("two days", resolved.QuerySelector("section.change-file .preview")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicyPage_RequiresReviewForAuthors_WhoseEditorSavesThenOpenAChangeRequest()
    {
        var admin = await StudioSession.NewUserAsync(_factory, "policy.page.admin@example.com", KbRoles.Admin);
        var author = await StudioSession.NewUserAsync(_factory, "policy.page.author@example.com", KbRoles.Author);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.Client.GetAsync("/studio/admin/policy")).StatusCode);

        var page = await admin.GetDocumentAsync("/studio/admin/policy");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form.card")!;
        foreach (var box in form.QuerySelectorAll("input[name=publish]").OfType<AngleSharp.Html.Dom.IHtmlInputElement>())
        {
            box.IsChecked = box.Value is "Reviewer" or "Admin";
        }

        var saved = await Html.ParseAsync(await admin.PostFormAsync("/studio/admin/policy", form, []));
        Assert.Contains("applies now", saved.QuerySelector("#policy-notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("publish_directly: [Reviewer, Admin]", Git.Run(_factory.RepositoryPath, "show", "main:.kb/policy.yml"), StringComparison.Ordinal);

        var tip = Git.Run(_factory.RepositoryPath, "rev-parse", "main").Trim();
        var editor = await author.GetDocumentAsync("/studio/edit?path=help/refunds");
        Assert.Equal("Submit for review", editor.QuerySelector("#save")!.TextContent.Trim());
        Assert.Contains("go to review", editor.QuerySelector("#review-note")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Save", (await admin.GetDocumentAsync("/studio/edit?path=help/refunds")).QuerySelector("#save")!.TextContent.Trim());
        var edit = await author.SubmitAsync("/studio/edit?path=help/refunds", "form.editor", new() { ["Form.Body"] = "Refunds take six days.\n", ["Message"] = "Six days now" });

        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.StartsWith("/studio/changes/", edit.Headers.Location!.PathOnly(), StringComparison.Ordinal);
        Assert.Equal(tip, Git.Run(_factory.RepositoryPath, "rev-parse", "main").Trim());
        var change = await author.GetDocumentAsync(edit.Headers.Location!.PathOnly());
        Assert.Contains("Six days now", change.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("six days", change.QuerySelector("section.change-file .preview")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("In review", change.QuerySelector("#cr-state")!.TextContent.Trim()); // submitted, as the button said
        var into = await author.GetDocumentAsync("/studio/edit?path=help/refunds&change=" + edit.Headers.Location!.PathOnly().Split('?')[0].Split('/')[^1]);
        Assert.StartsWith("Save to change request #", into.QuerySelector("#save")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APolicyChange_BySomeoneWhoNeedsReview_IsAChangeRequestWhosePageShowsTheSettingsDiff()
    {
        var admin = await StudioSession.NewUserAsync(_factory, "policy.cr.admin@example.com", KbRoles.Admin);
        await SetPolicyAsync(admin, "Reviewer");
        var tip = Git.Run(_factory.RepositoryPath, "rev-parse", "main").Trim();

        var proposed = await SetPolicyAsync(admin, "Reviewer", "Admin");

        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        Assert.Equal(tip, Git.Run(_factory.RepositoryPath, "rev-parse", "main").Trim());
        var page = await admin.GetDocumentAsync(proposed.Headers.Location!.PathOnly());
        var file = page.QuerySelector("section.change-file[data-path='.kb/policy.yml']")!;
        Assert.Contains("repository setting", file.TextContent, StringComparison.Ordinal);
        Assert.Contains(file.QuerySelectorAll("tr.ins td.code"), td => td.TextContent.Contains("publish_directly: [Reviewer, Admin]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PolicyPage_SavedFromAStaleForm_ShowsTheNewerPolicyInsteadOfOverwritingIt()
    {
        var first = await StudioSession.NewUserAsync(_factory, "policy.stale.one@example.com", KbRoles.Admin);
        var second = await StudioSession.NewUserAsync(_factory, "policy.stale.two@example.com", KbRoles.Admin);
        var staleForm = (AngleSharp.Html.Dom.IHtmlFormElement)(await second.GetDocumentAsync("/studio/admin/policy")).QuerySelector("form.card")!;
        Assert.Equal(HttpStatusCode.OK, (await SetPolicyAsync(first, "Reviewer", "Admin")).StatusCode);
        var theirs = Git.Run(_factory.RepositoryPath, "show", "main:.kb/policy.yml");

        foreach (var box in staleForm.QuerySelectorAll("input[name=publish]").OfType<AngleSharp.Html.Dom.IHtmlInputElement>())
        {
            box.IsChecked = box.Value is "Author" or "Reviewer" or "Admin";
        }

        ((AngleSharp.Html.Dom.IHtmlInputElement)staleForm.QuerySelector("#min-approvals")!).Value = "3";
        var refused = await Html.ParseAsync(await second.PostFormAsync("/studio/admin/policy", staleForm, []));

        Assert.Equal(theirs, Git.Run(_factory.RepositoryPath, "show", "main:.kb/policy.yml"));
        Assert.Contains("Someone else changed this file", refused.QuerySelector(".alert")!.TextContent, StringComparison.Ordinal);
        var shown = refused.QuerySelectorAll("input[name=publish]").OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Where(b => b.IsChecked).Select(b => b.Value);
        Assert.Equal(["Reviewer", "Admin"], shown);

        var form = (AngleSharp.Html.Dom.IHtmlFormElement)refused.QuerySelector("form.card")!;
        ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("#min-approvals")!).Value = "3";
        var saved = await Html.ParseAsync(await second.PostFormAsync("/studio/admin/policy", form, []));

        Assert.Contains("applies now", saved.QuerySelector("#policy-notice")!.TextContent, StringComparison.Ordinal);
        var policy = Git.Run(_factory.RepositoryPath, "show", "main:.kb/policy.yml");
        Assert.Contains("publish_directly: [Reviewer, Admin]", policy, StringComparison.Ordinal);
        Assert.Contains("min_approvals: 3", policy, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SetPolicyAsync(StudioSession admin, params string[] roles)
    {
        var page = await admin.GetDocumentAsync("/studio/admin/policy");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form.card")!;
        foreach (var box in form.QuerySelectorAll("input[name=publish]").OfType<AngleSharp.Html.Dom.IHtmlInputElement>())
        {
            box.IsChecked = roles.Contains(box.Value);
        }

        return await admin.PostFormAsync("/studio/admin/policy", form, []);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _seed.Dispose();
    }
}
