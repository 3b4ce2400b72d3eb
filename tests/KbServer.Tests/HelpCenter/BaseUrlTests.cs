using KbCore.Accounts;
using KbServer.Tests.GitHttp;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.HelpCenter;

/// <summary>HelpCenter:BaseUrl is the address people use (behind a proxy too): links built for them use it.</summary>
public sealed class BaseUrlTests : IDisposable
{
    private const string BaseUrl = "https://help.example.com/kb";

    private readonly TempDirectory _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
    {
        ["help/refunds.md"] = "---\ntitle: Refunds\n---\nFive days.\n",
    });

    [Fact]
    public async Task BaseUrl_IsUsedForCanonical_OpenGraph_Sitemap_AndRobots()
    {
        // Arrange
        using var server = new KbServerFactory(_seed.Path, new Dictionary<string, string?> { ["HelpCenter:BaseUrl"] = BaseUrl + "/" });
        var client = server.CreateClient();

        // Act
        var doc = await Html.ParseAsync(await client.GetAsync("/help/refunds"));
        var sitemap = await client.GetStringAsync("/sitemap.xml");
        var robots = await client.GetStringAsync("/robots.txt");

        // Assert
        Assert.Equal(BaseUrl + "/help/refunds", PageMeta.Canonical(doc));
        Assert.Equal(BaseUrl + "/help/refunds", PageMeta.Meta(doc, "og:url"));
        Assert.Contains($"<loc>{BaseUrl}/help/refunds</loc>", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain("localhost", sitemap, StringComparison.Ordinal);
        Assert.Contains($"Sitemap: {BaseUrl}/sitemap.xml", robots, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help.example.com")]
    [InlineData("ftp://help.example.com")]
    [InlineData("https://help.example.com/?x=1")]
    public void InvalidBaseUrl_StopsStartUp_NamingTheSetting(string value)
    {
        // Arrange
        using var server = new KbServerFactory(_seed.Path, new Dictionary<string, string?> { ["HelpCenter:BaseUrl"] = value });

        // Act
        var error = Assert.ThrowsAny<Exception>(() => server.CreateClient());

        // Assert
        Assert.Contains($"HelpCenter:BaseUrl must be an absolute http or https URL without query, fragment or user name, such as https://help.example.com (it is '{value}')", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushToABranch_PrintsTheChangeRequestLinkAtTheBaseUrl()
    {
        // Arrange
        using var remote = new GitRemote(new Dictionary<string, string?> { ["HelpCenter:BaseUrl"] = BaseUrl });
        var token = await remote.TokenAsync("proxied.author@example.com", TokenScopes.ArticlesRead, TokenScopes.ArticlesWrite);
        var clone = remote.Clone(token, "proxied");
        File.AppendAllText(Path.Combine(clone, "_index.md"), "\nA line for review.\n");
        Git.Run(clone, "commit", "-q", "-am", "Proposal");

        // Act
        var pushed = Git.TryRun(clone, "push", "origin", "HEAD:fix/proxied");

        // Assert
        Assert.Equal(0, pushed.Code);
        Assert.Matches($@"remote: Change request #\d+: {System.Text.RegularExpressions.Regex.Escape(BaseUrl)}/studio/changes/\d+", pushed.Output);
    }

    [Fact]
    public async Task InvitingSomeone_ShowsTheSetPasswordLinkAtTheBaseUrl()
    {
        // Arrange
        using var server = new KbServerFactory(_seed.Path, new Dictionary<string, string?> { ["HelpCenter:BaseUrl"] = BaseUrl });
        var admin = await StudioSession.NewUserAsync(server, "proxied.admin@example.com", KbRoles.Admin);

        // Act
        var added = await admin.SubmitAsync("/studio/admin/users", "form[action*='handler=Create']",
            new() { ["New.Name"] = "Remote Reader", ["New.Email"] = "remote.reader@example.com", ["New.Role"] = KbRoles.Author, ["New.Password"] = string.Empty });

        // Assert
        var link = (await Html.ParseAsync(added)).QuerySelector("#set-password-link")!.TextContent.Trim();
        Assert.StartsWith(BaseUrl + "/studio/", link, StringComparison.Ordinal);
        Assert.Contains("token=", link, StringComparison.Ordinal);
    }

    public void Dispose() => _seed.Dispose();
}
