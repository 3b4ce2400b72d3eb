using System.Net;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.Support;

/// <summary>Editing ticket-categories.yml in the studio: validated, orphans shown first, saved per the review policy.</summary>
public sealed class TicketCategoryCatalogPageTests : SupportServer
{
    private const string Form = "#catalog-form";

    [Fact]
    public async Task List_ShowsEachCategoryWithItsArticles()
    {
        var session = await StudioSession.NewUserAsync(Factory, "ann@example.com", KbRoles.Author);

        var page = await session.GetDocumentAsync("/studio/ticket-categories");

        Assert.Equal("4", page.QuerySelector("#catalog tr[data-category=billing] td.num")!.TextContent);
        Assert.Contains("zendesk: 360001", page.QuerySelector("#catalog tr[data-category=billing]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddingACategory_IsOneCommitByThePerson()
    {
        var session = await StudioSession.NewUserAsync(Factory, "ann@example.com", KbRoles.Admin);
        var yaml = Git.Run(Factory.RepositoryPath, "show", "main:ticket-categories.yml").TrimEnd() + "\n  - id: payroll\n    name: Payroll\n    parent: billing\n";

        var response = await session.SubmitAsync("/studio/ticket-categories", Form, new() { ["Yaml"] = yaml });

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await Html.ParseAsync(response)).QuerySelector("#catalog-errors, #catalog-orphans")?.TextContent);
        Assert.Equal("ann <ann@example.com>|Update the ticket-category catalog", Git.Run(Factory.RepositoryPath, "log", "-1", "--format=%an <%ae>|%s", "main").Trim());
        var page = await session.GetDocumentAsync("/studio/ticket-categories");
        Assert.NotNull(page.QuerySelector("#catalog tr[data-category=payroll]"));
    }

    [Fact]
    public async Task RemovingAReferencedCategory_ShowsTheArticles_AndCommitsOnlyOnceConfirmed()
    {
        var session = await StudioSession.NewUserAsync(Factory, "ann@example.com", KbRoles.Admin);
        var before = Git.Run(Factory.RepositoryPath, "rev-parse", "main").Trim();
        const string withoutExports = "categories:\n  - id: billing\n    name: Billing questions\n  - id: refunds\n    name: Refunds\n";

        var first = await session.SubmitAsync("/studio/ticket-categories", Form, new() { ["Yaml"] = withoutExports });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = await Html.ParseAsync(first);
        var orphans = page.QuerySelector("#catalog-orphans")!.TextContent;
        Assert.Contains("exports", orphans, StringComparison.Ordinal);
        Assert.Contains("Export your data as CSV", orphans, StringComparison.Ordinal);
        Assert.Equal(before, Git.Run(Factory.RepositoryPath, "rev-parse", "main").Trim());

        var confirmed = await session.SubmitAsync("/studio/ticket-categories", Form, new() { ["Yaml"] = withoutExports, ["ConfirmOrphans"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.NotEqual(before, Git.Run(Factory.RepositoryPath, "rev-parse", "main").Trim());
    }

    [Theory]
    [InlineData("categories: [unclosed\n", "catalog")]
    [InlineData("categories:\n  - id: a\n    parent: nowhere\n", "unknown parent")]
    public async Task InvalidCatalog_IsRefusedWithTheReason_NothingCommitted(string yaml, string reason)
    {
        var session = await StudioSession.NewUserAsync(Factory, "ann@example.com", KbRoles.Admin);
        var before = Git.Run(Factory.RepositoryPath, "rev-parse", "main").Trim();

        var response = await session.SubmitAsync("/studio/ticket-categories", Form, new() { ["Yaml"] = yaml, ["ConfirmOrphans"] = "true" });

        var page = await Html.ParseAsync(response);
        Assert.Contains(reason, page.QuerySelector("#catalog-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, Git.Run(Factory.RepositoryPath, "rev-parse", "main").Trim());
    }

    [Fact]
    public async Task UnderAReviewPolicy_TheEditGoesIntoAChangeRequest()
    {
        var admin = await StudioSession.NewUserAsync(Factory, "boss@example.com", KbRoles.Admin);
        var policy = await admin.SubmitAsync("/studio/admin/policy", "form.card", new() { ["publish"] = "Admin", ["minApprovals"] = "1" });
        Assert.Contains("publish_directly: [Admin]", Git.Run(Factory.RepositoryPath, "show", "main:.kb/policy.yml"), StringComparison.Ordinal);
        var author = await StudioSession.NewUserAsync(Factory, "ann@example.com", KbRoles.Author);
        var before = Git.Run(Factory.RepositoryPath, "rev-parse", "main").Trim();
        var yaml = Git.Run(Factory.RepositoryPath, "show", "main:ticket-categories.yml").TrimEnd() + "\n  - id: payroll\n    name: Payroll\n";

        var response = await author.SubmitAsync("/studio/ticket-categories", Form, new() { ["Yaml"] = yaml });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/studio/changes/", response.Headers.Location?.PathOnly(), StringComparison.Ordinal);
        Assert.Equal(before, Git.Run(Factory.RepositoryPath, "rev-parse", "main").Trim());
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
        var response = await StudioSession.Anonymous(Factory).Client.GetAsync("/studio/ticket-categories");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
