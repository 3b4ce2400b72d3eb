using System.Net;
using AngleSharp.Html.Dom;
using KbCore.Accounts;
using KbServer.Auth;
using KbServer.Hosting;
using KbServer.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace KbServer.Tests.Hosting;

/// <summary>
/// A fresh installation as a newcomer starts it, on real Kestrel: the block the console shows, and a first run from
/// that block's setup link to a signed-in colleague with nothing secret in the log.
/// </summary>
public sealed class FirstStartTests
{
    private static readonly TimeSpan BlockTimeout = TimeSpan.FromSeconds(10);

    private static readonly string[] TalkativeCategories =
        ["Default", "Microsoft.AspNetCore", "Microsoft.AspNetCore.DataProtection", "Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Database.Command"];

    [Fact]
    public async Task StartupBlock_WhileThereAreNoAccounts_HasTheSetupLink_AndNotOnceAnAccountExists()
    {
        // Arrange: two runs of the server over one data directory.
        using var data = new TempDirectory("kbfirststart");
        var settings = new Dictionary<string, string?> { ["DataDirectory"] = data.Path };
        var freshConsole = new CapturedConsole();
        var laterConsole = new CapturedConsole();
        string fresh, later, token;
        Uri freshRoot, laterRoot;

        // Act
        using (var server = new KestrelServerFactory(settings, null, freshConsole))
        {
            fresh = await freshConsole.WaitForAsync("KnowledgeBase is running.", BlockTimeout);
            freshRoot = server.RootUri;
            token = server.Services.GetRequiredService<FirstRunSetup>().Pending!;
            await StudioSession.CreateUserAsync(server, "shell.admin@example.com", KbRoles.Admin);
        }

        using (var server = new KestrelServerFactory(settings, null, laterConsole))
        {
            later = await laterConsole.WaitForAsync("KnowledgeBase is running.", BlockTimeout);
            laterRoot = server.RootUri;
        }

        // Assert
        var freshLines = Lines(fresh);
        Assert.Single(freshLines, l => l == "KnowledgeBase is running.");
        Assert.Contains($"Help center: {freshRoot}", freshLines);
        Assert.Contains($"Studio:      {freshRoot}studio", freshLines);
        Assert.Contains($"{freshRoot}studio/setup?token={token}", freshLines);
        Assert.Equal(2, freshLines.Count(l => l == StartupBlock.Rule));

        var laterLines = Lines(later);
        Assert.Contains($"Studio:      {laterRoot}studio", laterLines);
        Assert.DoesNotContain("/studio/setup", later, StringComparison.Ordinal);
        Assert.DoesNotContain("No accounts", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstRun_FromTheConsoleLinkToAColleagueSignedIn_PutsNoTokenAndNoPasswordInAnyLogLine()
    {
        // Arrange: every category at its most talkative, so the request log, model binding, Identity and EF all speak.
        var logs = new CapturedLogs();
        var console = new CapturedConsole();
        var settings = TalkativeCategories.ToDictionary(category => $"Logging:LogLevel:{category}", _ => (string?)"Trace");
        using var server = new KestrelServerFactory(settings, logs, console);
        var setupLink = new Uri(Lines(await console.WaitForAsync("/studio/setup?token=", BlockTimeout)).Single(l => l.Contains("/studio/setup?token=", StringComparison.Ordinal)));
        const string adminPassword = "first admin passphrase";
        const string colleaguePassword = "colleague passphrase";

        // Act: the admin opens the link from the console, creates their account and invites a colleague.
        var admin = new StudioSession(server.CreateBrowserClient());
        var created = await admin.SubmitAsync(setupLink.PathAndQuery, "form.card",
            new() { ["Input.Name"] = "Ada Admin", ["Input.Email"] = "ada@example.com", ["Input.Password"] = adminPassword });
        var invited = await admin.SubmitAsync("/studio/admin/users", "form[action*='handler=Create']",
            new() { ["New.Name"] = "Cole League", ["New.Email"] = "cole@example.com", ["New.Role"] = KbRoles.Author, ["New.Password"] = string.Empty });
        var invitation = new Uri((await Html.ParseAsync(invited)).QuerySelector("#set-password-link")!.TextContent.Trim());

        // The colleague opens the invitation, chooses a password and signs in with the form as it comes back.
        var colleague = new StudioSession(server.CreateBrowserClient());
        var passwordSet = await colleague.SubmitAsync(invitation.PathAndQuery, "form.card", new() { ["Password"] = colleaguePassword });
        var loginUrl = passwordSet.Headers.Location!.PathOnly();
        var login = await colleague.GetDocumentAsync(loginUrl);
        var signedIn = await colleague.PostFormAsync(loginUrl, (IHtmlFormElement)login.QuerySelector("form.card")!, new() { ["Input.Password"] = colleaguePassword });

        // Assert: the journey worked...
        Assert.Equal("/studio/admin/users?welcome=1", created.Headers.Location!.PathOnly());
        Assert.Equal("/studio/login?passwordSet=1", loginUrl);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/studio", signedIn.Headers.Location!.PathOnly());

        // ...the request log saw the links, with their tokens redacted...
        var entries = logs.Entries;
        Assert.Contains(entries, e => e.Rendered.Contains("/studio/setup?token=[redacted]", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Rendered.Contains("/studio/set-password?user=", StringComparison.Ordinal) && e.Rendered.Contains("token=[redacted]", StringComparison.Ordinal));

        // ...and no log line or structured field holds a token or a password, as typed or as a form encodes it.
        string[] secrets =
        [
            QueryHelpers.ParseQuery(setupLink.Query)["token"].ToString(),
            QueryHelpers.ParseQuery(invitation.Query)["token"].ToString(),
            adminPassword, adminPassword.Replace(' ', '+'), colleaguePassword, colleaguePassword.Replace(' ', '+'),
        ];
        Assert.All(secrets, secret => Assert.True(secret.Length >= 16, secret));
        Assert.All(entries, entry => Assert.All(secrets, secret =>
        {
            Assert.DoesNotContain(secret, entry.Rendered, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, entry.Fields, StringComparison.Ordinal);
        }));
    }

    private static List<string> Lines(string text) => [.. text.Split('\n').Select(l => l.Trim())];
}
