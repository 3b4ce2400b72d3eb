using System.Net;
using AngleSharp.Html.Dom;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.Support;

/// <summary>Editing synonyms.yml in the studio: validated with lines, tried before and after, saved as the person's commit.</summary>
public sealed class SynonymsPageTests : SupportServer
{
    private const string Url = "/studio/synonyms";
    private const string Form = "#synonyms-form";
    private const string Yaml = "synonyms:\n  - bill, invoice\n  - quokka receipt => invoice email\n";

    [Fact]
    public async Task SavingALine_IsOneCommitByThePerson_AndTheHelpCenterSearchUsesItAtOnce()
    {
        var session = await StudioSession.NewUserAsync(Factory, "ann@example.com", KbRoles.Author);
        var anonymous = Factory.CreateClient();
        Assert.DoesNotContain("help/invoice-email", await anonymous.GetStringAsync("/api/v1/search?q=quokka+receipt"), StringComparison.Ordinal);

        var response = await session.SubmitAsync(Url, Form, new() { ["Yaml"] = Yaml });

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await Html.ParseAsync(response)).QuerySelector("#synonyms-errors")?.TextContent);
        Assert.Equal("ann <ann@example.com>|Update the search synonyms", Git.Run(Factory.RepositoryPath, "log", "-1", "--format=%an <%ae>|%s", "main").Trim());
        Assert.Equal(Yaml, Git.Run(Factory.RepositoryPath, "show", "main:synonyms.yml"));
        await Factory.WaitForIndexAsync();
        var found = await anonymous.GetStringAsync("/api/v1/search?q=quokka+receipt");
        Assert.Contains("help/invoice-email", found, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-billing", found, StringComparison.Ordinal);
        var page = await session.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.NotNull(page.QuerySelector("#synonyms-notice"));
        Assert.Equal(["bill, invoice|each other", "quokka receipt|invoice email"], page.QuerySelectorAll("#synonyms tbody tr").Select(r => r.Children[0].TextContent + "|" + r.Children[1].TextContent));
        Assert.NotNull(page.QuerySelector("header nav a[href='/studio/synonyms']"));
    }

    [Fact]
    public async Task AddingALineWithTheForm_AppendsItAndKeepsEveryOtherByte()
    {
        var session = await StudioSession.NewUserAsync(Factory, "ann@example.com", KbRoles.Author);
        Assert.Equal(HttpStatusCode.Redirect, (await session.SubmitAsync(Url, Form, new() { ["Yaml"] = Yaml })).StatusCode);
        var before = Git.Run(Factory.RepositoryPath, "show", "main:synonyms.yml");

        var refused = await Html.ParseAsync(await session.SubmitAsync(Url, "#add-synonym form", new() { ["NewTerms"] = "oof: #1" }));
        var response = await session.SubmitAsync(Url, "#add-synonym form", new() { ["NewTerms"] = "Out of Office,  automatic replies", ["NewAlsoFinds"] = "vacation responder" });

        Assert.NotNull(refused.QuerySelector("#new-terms-error"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before + "  - out of office, automatic replies => vacation responder\n", Git.Run(Factory.RepositoryPath, "show", "main:synonyms.yml"));
    }

    [Fact]
    public async Task TryingASearch_ShowsTheLinesItUses_AndItsFirstResults()
    {
        var session = await StudioSession.NewUserAsync(Factory, "ann@example.com", KbRoles.Author);
        Assert.Equal(HttpStatusCode.Redirect, (await session.SubmitAsync(Url, Form, new() { ["Yaml"] = Yaml })).StatusCode);
        await Factory.WaitForIndexAsync();

        var page = await session.GetDocumentAsync(Url + "?q=my+quokka+receipts");

        var tried = page.QuerySelector("#synonyms-tried")!;
        Assert.Equal("quokka receipt also finds invoice email (line 3)", Html.Words(tried.QuerySelector("li")!.TextContent));
        Assert.Equal("/studio/edit?path=help%2Finvoice-email", tried.QuerySelector("ol a")!.GetAttribute("href"));
        Assert.Equal("my quokka receipts", page.QuerySelector("#q")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("synonyms:\n  - bill, invoice\n  - alone\n", "Line 3: `alone` is the only term: give two or more")]
    [InlineData("synonyms:\n  - a => b => c\n", "Line 2: `=>` may appear once")]
    [InlineData("synonyms: [unclosed\n", "synonyms file")]
    public async Task InvalidFile_IsRefusedWithTheLine_NothingCommitted(string yaml, string reason)
    {
        var session = await StudioSession.NewUserAsync(Factory, "ann@example.com", KbRoles.Admin);
        var before = MainCommit();

        var response = await session.SubmitAsync(Url, Form, new() { ["Yaml"] = yaml });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(reason, page.QuerySelector("#synonyms-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(yaml, page.QuerySelector("#yaml")!.TextContent);
        Assert.Equal(before, MainCommit());
    }

    [Fact]
    public async Task SomeoneElseSavedMeanwhile_NothingIsOverwritten_TheirVersionIsShown()
    {
        var ann = await StudioSession.NewUserAsync(Factory, "ann@example.com", KbRoles.Admin);
        var bob = await StudioSession.NewUserAsync(Factory, "bob@example.com", KbRoles.Admin);
        var annForm = (IHtmlFormElement)(await ann.GetDocumentAsync(Url)).QuerySelector(Form)!;
        Assert.Equal(HttpStatusCode.Redirect, (await bob.SubmitAsync(Url, Form, new() { ["Yaml"] = Yaml })).StatusCode);
        var afterBob = MainCommit();

        var stale = await ann.PostFormAsync(Url, annForm, new() { ["Yaml"] = "synonyms:\n  - refund, money back\n" });

        var page = await Html.ParseAsync(stale);
        Assert.Contains("The synonym list changed since you opened it", page.QuerySelector("#synonyms-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("quokka receipt", page.QuerySelector("#synonyms-theirs pre")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(afterBob, MainCommit());
    }

    [Fact]
    public async Task AddingFromTheSearchReport_StartsALineWithTheSearchedWords()
    {
        var session = await StudioSession.NewUserAsync(Factory, "ann@example.com", KbRoles.Author);
        await Factory.CreateClient().GetStringAsync("/search?q=zzqx%20%23widget%3A%20%22thing%22");

        // The search log is written in batches about once a second.
        string? link = null;
        for (var i = 0; i < 50 && link is null; i++)
        {
            var report = await session.GetDocumentAsync("/studio/reports/search");
            link = report.QuerySelectorAll("#zero-queries a").SingleOrDefault(a => a.TextContent == "Add a synonym")?.GetAttribute("href");
            await Task.Delay(link is null ? 100 : 0);
        }

        Assert.NotNull(link);
        var page = await session.GetDocumentAsync(link);

        Assert.EndsWith("\n  - zzqx widget thing => \n", page.QuerySelector("#yaml")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("# Each line", page.QuerySelector("#yaml")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("zzqx widget thing", page.QuerySelector("#synonyms-notice")!.TextContent, StringComparison.Ordinal);
        var nothingToAdd = await session.GetDocumentAsync(Url + "?add=%23%23%23");
        Assert.EndsWith("=> multifunction device\n", nothingToAdd.QuerySelector("#yaml")!.TextContent, StringComparison.Ordinal);
        Assert.Null(nothingToAdd.QuerySelector("#synonyms-notice"));
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn_AndAPostWithoutAntiforgeryIsRefused()
    {
        var response = await StudioSession.Anonymous(Factory).Client.GetAsync(Url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/studio/login", response.Headers.Location!.PathOnly(), StringComparison.Ordinal);

        var session = await StudioSession.NewUserAsync(Factory, "ann@example.com", KbRoles.Admin);
        var before = MainCommit();
        var forged = await session.Client.PostAsync(Url, new FormUrlEncodedContent([new("Yaml", Yaml)]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before, MainCommit());
    }
}
