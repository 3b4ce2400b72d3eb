using System.Net;
using AngleSharp.Html.Dom;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KbServer.Tests.Studio;

/// <summary>Sign-in, roles, invitations, lockout and deactivation, through the pages as people use them.</summary>
public sealed class AccountsTests(SampleServerFactory factory) : IClassFixture<SampleServerFactory>
{
    [Fact]
    public async Task Admin_InvitesAnAuthor_WhoSetsAPasswordAndSignsIn_ButCannotReachAdminPages()
    {
        var admin = await StudioSession.NewUserAsync(factory, "admin1@example.com", KbRoles.Admin);

        var added = await admin.SubmitAsync("/studio/admin/users", "form[action*='handler=Create']",
            new() { ["New.Name"] = "Avery Author", ["New.Email"] = "avery@example.com", ["New.Role"] = KbRoles.Author, ["New.Password"] = string.Empty });
        var page = await Html.ParseAsync(added);
        var link = new Uri(page.QuerySelector("#set-password-link")!.TextContent.Trim());

        var author = StudioSession.Anonymous(factory);
        var set = await author.SubmitAsync(link.PathAndQuery, "form.card", new() { ["Password"] = "a long passphrase here" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var reused = await Html.ParseAsync(await author.SubmitAsync(link.PathAndQuery, "form.card", new() { ["Password"] = "another long passphrase" }));
        Assert.Contains("expired or was already used", reused.QuerySelector(".alert.error")!.TextContent, StringComparison.Ordinal);

        var signedIn = await author.SubmitAsync("/studio/login", "form.card", new() { ["Input.Email"] = "avery@example.com", ["Input.Password"] = "a long passphrase here" });
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        Assert.Equal("/studio", signedIn.Headers.Location!.PathOnly());
        Assert.Equal(HttpStatusCode.OK, (await author.Client.GetAsync("/studio")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.Client.GetAsync("/studio/admin/users")).StatusCode);
    }

    [Fact]
    public async Task SettingAPassword_LandsOnSignIn_WithAConfirmation_AndTheAccountsEmailFilledIn()
    {
        // Arrange
        var admin = await StudioSession.NewUserAsync(factory, "password.admin@example.com", KbRoles.Admin);
        var added = await admin.SubmitAsync("/studio/admin/users", "form[action*='handler=Create']",
            new() { ["New.Name"] = "Robin Reader", ["New.Email"] = "robin@example.com", ["New.Role"] = KbRoles.Author, ["New.Password"] = string.Empty });
        var link = new Uri((await Html.ParseAsync(added)).QuerySelector("#set-password-link")!.TextContent.Trim());
        var invited = StudioSession.Anonymous(factory);

        // Act
        var set = await invited.SubmitAsync(link.PathAndQuery, "form.card", new() { ["Password"] = "robin's long passphrase" });
        var login = await invited.GetDocumentAsync(set.Headers.Location!.PathOnly());
        var reloaded = await invited.GetDocumentAsync(set.Headers.Location!.PathOnly());
        var stranger = await StudioSession.Anonymous(factory).GetDocumentAsync("/studio/login?passwordSet=1");
        var plain = await StudioSession.Anonymous(factory).GetDocumentAsync("/studio/login");

        // Assert
        Assert.Equal("/studio/login?passwordSet=1", set.Headers.Location!.PathOnly());
        Assert.Equal("Your password is set. Sign in.", login.QuerySelector("#notice")?.TextContent.Trim());
        Assert.Equal("robin@example.com", ((IHtmlInputElement)login.QuerySelector("#email")!).Value);
        Assert.Equal(string.Empty, ((IHtmlInputElement)login.QuerySelector("#password")!).Value);
        Assert.True(login.QuerySelector("#password")!.HasAttribute("autofocus"));
        Assert.NotNull(reloaded.QuerySelector("#notice"));
        Assert.Equal(string.Empty, ((IHtmlInputElement)reloaded.QuerySelector("#email")!).Value);
        Assert.Equal(string.Empty, ((IHtmlInputElement)stranger.QuerySelector("#email")!).Value);
        Assert.Null(plain.QuerySelector("#notice"));
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn_ForEveryStudioPage()
    {
        var anonymous = StudioSession.Anonymous(factory);
        foreach (var url in new[] { "/studio", "/studio/admin/users", "/studio/account/tokens", "/studio/reports/search" })
        {
            var response = await anonymous.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/studio/login", response.Headers.Location!.PathOnly(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        await StudioSession.CreateUserAsync(factory, "locky@example.com", KbRoles.Author);
        var session = StudioSession.Anonymous(factory);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await Html.ParseAsync(await session.SubmitAsync("/studio/login", "form.card", new() { ["Input.Email"] = "locky@example.com", ["Input.Password"] = "wrong password " + i }));
            Assert.NotNull(wrong.QuerySelector(".alert.error"));
        }

        var right = await session.SubmitAsync("/studio/login", "form.card", new() { ["Input.Email"] = "locky@example.com", ["Input.Password"] = "correct horse battery" });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", (await Html.ParseAsync(right)).QuerySelector(".alert.error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivated_CannotSignIn_AndTheLastAdminCannotBeDeactivated()
    {
        var admin = await StudioSession.NewUserAsync(factory, "admin2@example.com", KbRoles.Admin);
        var leaver = await StudioSession.CreateUserAsync(factory, "leaver@example.com", KbRoles.Reviewer);

        var users = await admin.GetDocumentAsync("/studio/admin/users");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)users.QuerySelector("tr[data-email='leaver@example.com'] form[action*='handler=Active']")!;
        Assert.Equal(HttpStatusCode.OK, (await admin.PostFormAsync("/studio/admin/users", form, [])).StatusCode);

        var login = await StudioSession.Anonymous(factory).SubmitAsync("/studio/login", "form.card", new() { ["Input.Email"] = leaver.Email!, ["Input.Password"] = "correct horse battery" });
        Assert.Contains("deactivated", (await Html.ParseAsync(login)).QuerySelector(".alert.error")!.TextContent, StringComparison.Ordinal);

        // Other admins exist in this shared fixture; deactivate them all but one and try the last.
        using var scope = factory.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<KbUser>>();
        var accounts = scope.ServiceProvider.GetRequiredService<KbServer.Auth.TeamAccounts>();
        var admins = (await manager.GetUsersInRoleAsync(KbRoles.Admin)).Where(a => !a.IsDeactivated).ToList();
        foreach (var other in admins.Where(a => a.Email != "admin2@example.com"))
        {
            Assert.True((await accounts.SetActiveAsync(other, active: false)).Succeeded);
        }

        var self = await manager.FindByEmailAsync("admin2@example.com");
        var refused = await accounts.SetActiveAsync(self!, active: false);
        Assert.False(refused.Succeeded);
        Assert.Contains("last active admin", refused.Errors[string.Empty], StringComparison.Ordinal);
        foreach (var other in admins.Where(a => a.Email != "admin2@example.com"))
        {
            await accounts.SetActiveAsync(other, active: true);
        }
    }

    [Fact]
    public async Task Forms_WithoutTheAntiforgeryToken_AreRefused()
    {
        await StudioSession.CreateUserAsync(factory, "csrf@example.com", KbRoles.Author);
        var client = StudioSession.Anonymous(factory).Client;

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "csrf@example.com", ["Input.Password"] = "correct horse battery" });
        var response = await client.PostAsync("/studio/login", form);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, response.StatusCode + " " + response.Headers.Location);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task AddUser_WithABadEmailOrTakenEmail_ShowsFieldMessages()
    {
        var admin = await StudioSession.NewUserAsync(factory, "admin3@example.com", KbRoles.Admin);

        var bad = await Html.ParseAsync(await admin.SubmitAsync("/studio/admin/users", "form[action*='handler=Create']",
            new() { ["New.Name"] = "X", ["New.Email"] = "not-an-email", ["New.Role"] = KbRoles.Author }));
        var taken = await Html.ParseAsync(await admin.SubmitAsync("/studio/admin/users", "form[action*='handler=Create']",
            new() { ["New.Name"] = "X", ["New.Email"] = "admin3@example.com", ["New.Role"] = KbRoles.Author }));

        Assert.Contains("name@example.com", bad.QuerySelector("[data-valmsg-for='New.Email']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("already an account", taken.QuerySelector("[data-valmsg-for='New.Email']")!.TextContent, StringComparison.Ordinal);
    }
}
