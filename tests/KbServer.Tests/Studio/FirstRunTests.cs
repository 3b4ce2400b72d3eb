using System.Net;
using KbServer.Auth;
using KbServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KbServer.Tests.Studio;

/// <summary>A fresh installation: no accounts, a one-time setup link, then a first admin.</summary>
public sealed class FirstRunTests : IDisposable
{
    private readonly SampleServerFactory _factory = new();

    [Fact]
    public async Task SetupLink_CreatesTheFirstAdminOnce_AndRefusesWeakPasswordsWithAFieldMessage()
    {
        var session = StudioSession.Anonymous(_factory);
        var redirect = await session.Client.GetAsync("/studio");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("/studio/login", redirect.Headers.Location!.PathOnly(), StringComparison.Ordinal);

        var setup = _factory.Services.GetRequiredService<FirstRunSetup>();
        Assert.True(setup.IsOpen);
        var token = setup.Open();
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync("/studio/setup?token=guess")).StatusCode);

        var url = "/studio/setup?token=" + token;
        var weak = await session.SubmitAsync(url, "form.card", new() { ["Input.Name"] = "Ada", ["Input.Email"] = "ada@example.com", ["Input.Password"] = "short" });
        var weakPage = await Html.ParseAsync(weak);
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("at least 12", weakPage.QuerySelector("[data-valmsg-for='Input.Password']")?.TextContent ?? string.Empty, StringComparison.Ordinal);

        var created = await session.SubmitAsync(url, "form.card", new() { ["Input.Name"] = "Ada", ["Input.Email"] = "ada@example.com", ["Input.Password"] = "correct horse battery" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var users = await Html.ParseAsync(await session.Client.GetAsync("/studio/admin/users"));
        Assert.Equal("Admin", users.QuerySelector("tr[data-email='ada@example.com'] select option[selected]")?.TextContent);
        Assert.False(setup.IsOpen);
        Assert.Equal(HttpStatusCode.NotFound, (await StudioSession.Anonymous(_factory).Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Setup_LandsTheFirstAdminOnUsers_WithAWelcomeThatSaysWhatToDoNext()
    {
        // Arrange
        var session = StudioSession.Anonymous(_factory);
        var url = "/studio/setup?token=" + _factory.Services.GetRequiredService<FirstRunSetup>().Open();

        // Act
        var created = await session.SubmitAsync(url, "form.card", new() { ["Input.Name"] = "Ada", ["Input.Email"] = "ada@example.com", ["Input.Password"] = "correct horse battery" });
        var landing = await session.GetDocumentAsync(created.Headers.Location!.PathOnly());
        var later = await session.GetDocumentAsync("/studio/admin/users");

        // Assert
        Assert.Equal("/studio/admin/users?welcome=1", created.Headers.Location!.PathOnly());
        var welcome = landing.QuerySelector("#welcome");
        Assert.NotNull(welcome);
        Assert.Contains("Invite your team", Html.Words(welcome.TextContent), StringComparison.Ordinal);
        Assert.Contains("Write your first article", Html.Words(welcome.TextContent), StringComparison.Ordinal);
        Assert.NotNull(welcome.QuerySelector("a[href='/studio/edit']"));
        Assert.NotNull(landing.QuerySelector(welcome.QuerySelector("a[href^='#']")!.GetAttribute("href")!));
        Assert.Null(later.QuerySelector("#welcome"));
    }

    [Fact]
    public async Task SetupLink_StopsWorking_OnceAnAccountExists_HoweverItWasCreated()
    {
        var token = _factory.Services.GetRequiredService<FirstRunSetup>().Open();
        await StudioSession.CreateUserAsync(_factory, "shell.admin@example.com", KbCore.Accounts.KbRoles.Admin);

        var session = StudioSession.Anonymous(_factory);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync("/studio/setup?token=" + token)).StatusCode);
        Assert.False(_factory.Services.GetRequiredService<FirstRunSetup>().IsOpen);
    }

    public void Dispose() => _factory.Dispose();
}
