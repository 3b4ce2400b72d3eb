using System.Net;
using AngleSharp.Html.Dom;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.Support;

/// <summary>Editing ticket-categories.yml in the studio: validated, orphans shown first, saved per the review policy.</summary>
public sealed class TicketCategoryCatalogPageTests : SupportServer
{
    private const string Url = "/studio/ticket-categories";
    private const string Form = "#catalog-form";
    private const string WithoutExports = "categories:\n  - id: billing\n    name: Billing questions\n  - id: refunds\n    name: Refunds\n";

    [Fact]
    public async Task List_ShowsEachCategory_WithItsPublicAndInternalArticles_LinkedToTheArticleTree()
    {
        var session = await StudioSession.NewUserAsync(Factory, "ann@example.com", KbRoles.Author);

        var page = await session.GetDocumentAsync(Url);

        var billing = page.QuerySelector("#catalog tr[data-category=billing]")!;
        Assert.Contains("zendesk: 360001", billing.TextContent, StringComparison.Ordinal);
        var publicLink = billing.QuerySelector("td.public a")!;
        Assert.Equal(("3", "/studio/articles?ticket=billing&visibility=public"), (publicLink.TextContent, publicLink.GetAttribute("href")));
        Assert.Equal("1", billing.QuerySelector("td.internal a")!.TextContent);
        Assert.Equal("0", page.QuerySelector("#catalog tr[data-category=exports] td.internal")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("#catalog tr[data-unknown]"));
        Assert.NotNull(page.QuerySelector("header nav a[href='/studio/ticket-categories']"));

        var tree = await session.GetDocumentAsync(publicLink.GetAttribute("href")!);

        Assert.Equal(
            ["help/change-plan", "help/invoice-email", "help/refund-credit"],
            tree.QuerySelectorAll("#article-tree tr.tree-article").Select(r => r.GetAttribute("data-path")!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AddingACategory_IsOneCommitOfTheCatalogByThePerson()
    {
        var session = await StudioSession.NewUserAsync(Factory, "ann@example.com", KbRoles.Admin);
        var yaml = Git.Run(Factory.RepositoryPath, "show", "main:ticket-categories.yml").TrimEnd() + "\n  - id: payroll\n    name: Payroll\n    parent: billing\n";

        var response = await session.SubmitAsync(Url, Form, new() { ["Yaml"] = yaml });

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await Html.ParseAsync(response)).QuerySelector("#catalog-errors, #catalog-orphans")?.TextContent);
        Assert.Equal("ann <ann@example.com>|Update the ticket-category catalog", Git.Run(Factory.RepositoryPath, "log", "-1", "--format=%an <%ae>|%s", "main").Trim());
        Assert.Equal("ticket-categories.yml", Git.Run(Factory.RepositoryPath, "show", "--name-only", "--format=", "main").Trim());
        Assert.Equal(yaml, Git.Run(Factory.RepositoryPath, "show", "main:ticket-categories.yml"));
        var page = await session.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("billing", page.QuerySelector("#catalog tr[data-category=payroll] td:nth-child(2)")!.TextContent);
        Assert.NotNull(page.QuerySelector("#catalog-notice"));
    }

    [Fact]
    public async Task AddingACategoryWithTheForm_AppendsItAndKeepsEveryOtherByte()
    {
        var session = await StudioSession.NewUserAsync(Factory, "ann@example.com", KbRoles.Admin);
        var before = Git.Run(Factory.RepositoryPath, "show", "main:ticket-categories.yml");

        var refused = await Html.ParseAsync(await session.SubmitAsync(Url, "#add-category form", new() { ["New.Id"] = "Billing Stuff", ["New.Name"] = "" }));
        var response = await session.SubmitAsync(Url, "#add-category form", new()
        {
            ["New.Id"] = "payroll",
            ["New.Name"] = "Payroll \"runs\" & slips: #1",
            ["New.Parent"] = "billing",
            ["New.HelpdeskIds"] = "zendesk: 360009999\nfreshdesk: pay roll",
        });

        Assert.Contains("lowercase letters", refused.QuerySelector("#new-id-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(refused.QuerySelector("#new-name-error"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = Git.Run(Factory.RepositoryPath, "show", "main:ticket-categories.yml");
        Assert.StartsWith(before, after, StringComparison.Ordinal);
        var page = await session.GetDocumentAsync(response.Headers.Location!.OriginalString);
        var row = page.QuerySelector("#catalog tr[data-category=payroll]")!;
        Assert.Contains("Payroll \"runs\" & slips: #1", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("freshdesk: pay roll", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("billing", row.QuerySelector("td:nth-child(2)")!.TextContent);
    }

    [Fact]
    public async Task RemovingAReferencedCategory_ShowsTheArticles_AndCommitsOnlyOnceConfirmed()
    {
        var session = await StudioSession.NewUserAsync(Factory, "ann@example.com", KbRoles.Admin);
        var before = MainCommit();

        var first = await session.SubmitAsync(Url, Form, new() { ["Yaml"] = WithoutExports });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = await Html.ParseAsync(first);
        var orphan = page.QuerySelector("#catalog-orphans li[data-orphan=exports]")!;
        Assert.StartsWith("This article references exports, which this change removes:", Html.Words(orphan.TextContent), StringComparison.Ordinal);
        Assert.Equal("/studio/edit?path=help%2Fexport-csv", orphan.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(WithoutExports, page.QuerySelector("#yaml")!.TextContent);
        Assert.Equal(before, MainCommit());

        var confirmed = await session.PostFormAsync(Url, (IHtmlFormElement)page.QuerySelector(Form)!, new() { ["ConfirmOrphans"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(WithoutExports, Git.Run(Factory.RepositoryPath, "show", "main:ticket-categories.yml"));
        var after = await session.GetDocumentAsync(Url);
        Assert.Equal("1", after.QuerySelector("#catalog tr[data-unknown=exports] td.public a")!.TextContent);
    }

    [Fact]
    public async Task RenamingAReferencedCategory_NamesTheLikelyNewId_AndListsInternalArticlesToo()
    {
        var session = await StudioSession.NewUserAsync(Factory, "ann@example.com", KbRoles.Author);
        var yaml = Git.Run(Factory.RepositoryPath, "show", "main:ticket-categories.yml").Replace("id: billing", "id: billing-questions", StringComparison.Ordinal);
        var before = MainCommit();

        var response = await session.SubmitAsync(Url, Form, new() { ["Yaml"] = yaml });

        var orphan = (await Html.ParseAsync(response)).QuerySelector("#catalog-orphans li[data-orphan=billing]")!;
        Assert.StartsWith("These 4 articles reference billing, which this change removes (renamed to billing-questions?):", Html.Words(orphan.TextContent), StringComparison.Ordinal);
        Assert.Contains("Zorblax billing override", orphan.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, MainCommit());
    }

    [Theory]
    [InlineData("categories: [unclosed\n", "catalog")]
    [InlineData("categories:\n  - id: a\n    parent: nowhere\n", "Line 2: category `a` has an unknown parent `nowhere`")]
    [InlineData("categories:\n  - id: a\n    parent: b\n  - id: b\n    parent: a\n", "Line 4: category `b` is its own ancestor")]
    [InlineData("categories:\n  - id: Billing\n", "Line 2: category id `Billing`: use lowercase letters, digits and hyphens")]
    [InlineData("categories:\n  - id: a\n    external_ids: { zendesk: \"1\" }\n  - id: b\n    external_ids: { zendesk: \"1\" }\n", "Line 4: zendesk id `1` is given to several categories")]
    public async Task InvalidCatalog_IsRefusedWithTheReason_NothingCommitted(string yaml, string reason)
    {
        var session = await StudioSession.NewUserAsync(Factory, "ann@example.com", KbRoles.Admin);
        var before = MainCommit();

        var response = await session.SubmitAsync(Url, Form, new() { ["Yaml"] = yaml, ["ConfirmOrphans"] = "true" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(reason, page.QuerySelector("#catalog-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(yaml, page.QuerySelector("#yaml")!.TextContent);
        Assert.Equal(before, MainCommit());
    }

    [Fact]
    public async Task SomeoneElseSavedMeanwhile_NothingIsOverwritten_UntilTheirVersionWasShown()
    {
        var ann = await StudioSession.NewUserAsync(Factory, "ann@example.com", KbRoles.Admin);
        var bob = await StudioSession.NewUserAsync(Factory, "bob@example.com", KbRoles.Admin);
        var original = Git.Run(Factory.RepositoryPath, "show", "main:ticket-categories.yml");
        var annForm = (IHtmlFormElement)(await ann.GetDocumentAsync(Url)).QuerySelector(Form)!;
        var bobs = original.TrimEnd() + "\n  - id: payroll\n    name: Payroll\n";
        Assert.Equal(HttpStatusCode.Redirect, (await bob.SubmitAsync(Url, Form, new() { ["Yaml"] = bobs })).StatusCode);
        var afterBob = MainCommit();
        var anns = original.TrimEnd() + "\n  - id: taxes\n    name: Taxes\n";

        var stale = await ann.PostFormAsync(Url, annForm, new() { ["Yaml"] = anns });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await Html.ParseAsync(stale);
        Assert.Contains("changed since you opened it", page.QuerySelector("#catalog-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("id: payroll", page.QuerySelector("#catalog-theirs pre")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(anns, page.QuerySelector("#yaml")!.TextContent);
        Assert.Equal(afterBob, MainCommit());

        var again = await ann.PostFormAsync(Url, (IHtmlFormElement)page.QuerySelector(Form)!, new() { ["Yaml"] = bobs.TrimEnd() + "\n  - id: taxes\n    name: Taxes\n" });

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var saved = Git.Run(Factory.RepositoryPath, "show", "main:ticket-categories.yml");
        Assert.Contains("id: payroll", saved, StringComparison.Ordinal);
        Assert.Contains("id: taxes", saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnderAReviewPolicy_TheEditGoesIntoAChangeRequest_NotOntoMainCommit()
    {
        await RequireReviewAsync();
        var author = await StudioSession.NewUserAsync(Factory, "ann@example.com", KbRoles.Author);
        var before = MainCommit();
        var yaml = Git.Run(Factory.RepositoryPath, "show", "main:ticket-categories.yml").TrimEnd() + "\n  - id: payroll\n    name: Payroll\n";

        var response = await author.SubmitAsync(Url, Form, new() { ["Yaml"] = yaml });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.PathOnly();
        Assert.StartsWith("/studio/changes/", location, StringComparison.Ordinal);
        Assert.Equal(before, MainCommit());
        var branch = Assert.Single(ChangeBranches());
        Assert.StartsWith("cr/" + location["/studio/changes/".Length..] + "-", branch, StringComparison.Ordinal);
        Assert.Equal(yaml, Git.Run(Factory.RepositoryPath, "show", branch + ":ticket-categories.yml"));
        Assert.Equal("ann <ann@example.com>", Git.Run(Factory.RepositoryPath, "log", "-1", "--format=%an <%ae>", branch).Trim());
    }

    [Fact]
    public async Task UnderAReviewPolicy_SavingTheCatalogAsItIs_OpensNoChangeRequest()
    {
        await RequireReviewAsync();
        var author = await StudioSession.NewUserAsync(Factory, "ann@example.com", KbRoles.Author);

        var response = await author.SubmitAsync(Url, Form, new());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("already like this", (await Html.ParseAsync(response)).QuerySelector("#catalog-notice")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(ChangeBranches());
    }

    [Fact]
    public async Task PostWithoutTheAntiforgeryToken_IsRefused_NothingCommitted()
    {
        var session = await StudioSession.NewUserAsync(Factory, "ann@example.com", KbRoles.Admin);
        var before = MainCommit();

        var response = await session.Client.PostAsync(Url, new FormUrlEncodedContent([new("Yaml", WithoutExports), new("ConfirmOrphans", "true")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, MainCommit());
    }

    [Fact]
    public async Task CatalogChangedSinceOpened_NothingOverwritten_BothVersionsShown()
    {
        var session = await StudioSession.NewUserAsync(Factory, "ann@example.com", KbRoles.Admin);
        var opened = await session.GetDocumentAsync("/studio/ticket-categories");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)opened.QuerySelector(Form)!;
        var other = await StudioSession.NewUserAsync(Factory, "bob@example.com", KbRoles.Admin);
        var bobs = Git.Run(Factory.RepositoryPath, "show", "main:ticket-categories.yml").TrimEnd() + "\n  - id: payroll\n    name: Payroll\n";
        Assert.Equal(HttpStatusCode.Redirect, (await other.SubmitAsync("/studio/ticket-categories", Form, new() { ["Yaml"] = bobs })).StatusCode);

        var response = await session.PostFormAsync("/studio/ticket-categories", form, new() { ["Yaml"] = "categories:\n  - id: billing\n    name: Billing\n", ["ConfirmOrphans"] = "true" });

        var page = await Html.ParseAsync(response);
        Assert.Contains("changed since you opened it", page.QuerySelector("#catalog-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("payroll", page.QuerySelector("#catalog-theirs")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("payroll", Git.Run(Factory.RepositoryPath, "show", "main:ticket-categories.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        var response = await StudioSession.Anonymous(Factory).Client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/studio/login", response.Headers.Location!.PathOnly(), StringComparison.Ordinal);
    }

    /// <summary>Only admins publish directly, one approval needed: authors' edits become change requests.</summary>
    private async Task RequireReviewAsync()
    {
        var admin = await StudioSession.NewUserAsync(Factory, "boss@example.com", KbRoles.Admin);
        await admin.SubmitAsync("/studio/admin/policy", "form.card", new() { ["publish"] = "Admin", ["minApprovals"] = "1" });
        Assert.Contains("publish_directly: [Admin]", Git.Run(Factory.RepositoryPath, "show", "main:.kb/policy.yml"), StringComparison.Ordinal);
    }

    private string[] ChangeBranches() =>
        Git.Run(Factory.RepositoryPath, "for-each-ref", "--format=%(refname:short)", "refs/heads/cr/").Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
