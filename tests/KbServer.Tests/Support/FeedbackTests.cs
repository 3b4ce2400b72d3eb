using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.Support;

/// <summary>"Was this helpful?" over real HTTP: one vote per browser per article, credit to the authors from git.</summary>
public sealed class FeedbackTests : SupportServer
{
    [Fact]
    public async Task Yes_CountsOncePerBrowser_AndIsAnAppreciationForTheArticlesAuthor()
    {
        var writer = await ApiTokens.ClientAsync(Factory, "writer@example.com", KbRoles.Author, TokenScopes.ArticlesWrite, TokenScopes.Reports);
        (await writer.PutAsJsonAsync("/api/v1/articles/help/late-fees", new { content = "---\ntitle: Late fees\n---\nAdd a late fee.\n" })).EnsureSuccessStatusCode();
        var browser = Factory.CreateClient();
        var otherBrowser = Factory.CreateClient();

        var first = await browser.PostAsJsonAsync("/api/v1/feedback", new { path = "help/late-fees", helpful = true, comment = "clear" });
        var again = await browser.PostAsJsonAsync("/api/v1/feedback", new { path = "help/late-fees", helpful = true });
        var other = await otherBrowser.PostAsJsonAsync("/api/v1/feedback", new { path = "help/late-fees", helpful = false });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("counted").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        var authors = (await writer.GetFromJsonAsync<JsonElement>("/api/v1/reports/authors")).EnumerateArray().ToArray();
        var me = authors.Single(a => a.GetProperty("email").GetString() == "writer@example.com");
        Assert.Equal(1, me.GetProperty("appreciations").GetInt32());
        Assert.Equal(1, me.GetProperty("created").GetInt32());
        var team = await StudioSession.NewUserAsync(Factory, "lead@example.com", KbRoles.Admin);
        var comments = (await team.GetDocumentAsync("/studio/reports/support")).QuerySelector("#reader-comments")!.TextContent;
        Assert.Contains("Late fees", comments, StringComparison.Ordinal);
        Assert.Contains("clear", comments, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InternalArticle_IsNotVotableAnonymously_AndBadInputIsNamed()
    {
        var browser = Factory.CreateClient();

        var secret = await browser.PostAsJsonAsync("/api/v1/feedback", new { path = "help/secret-billing", helpful = true });
        var noVerdict = await browser.PostAsJsonAsync("/api/v1/feedback", new { path = "help/invoice-email" });
        var longComment = await browser.PostAsJsonAsync("/api/v1/feedback", new { path = "help/invoice-email", helpful = false, comment = new string('x', 1001) });

        var surrogate = await browser.PostAsync("/api/v1/feedback", new StringContent("""{"path":"help/invoice-email","helpful":true,"comment":"\ud800"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, surrogate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, secret.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noVerdict.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, longComment.StatusCode);
        Assert.Contains("comment", await longComment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormVote_FromTheArticlePage_RedirectsBack_ButNotFromAnotherSite()
    {
        var browser = Factory.CreateClient(new() { AllowAutoRedirect = false });
        var page = await Html.ParseAsync(await browser.GetAsync("/help/invoice-email"));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[data-feedback-form]")!;
        var fields = StudioSession.FieldsOf(form, new Dictionary<string, string>());
        fields.Add(new("helpful", "yes"));

        using var forged = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action")) { Content = new FormUrlEncodedContent(fields) };
        forged.Headers.Add("Origin", "https://evil.example");
        var forgedResponse = await browser.SendAsync(forged);
        using var own = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action")) { Content = new FormUrlEncodedContent(fields) };
        own.Headers.Add("Origin", "http://localhost");
        var ownResponse = await browser.SendAsync(own);

        Assert.Equal(HttpStatusCode.Forbidden, forgedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, ownResponse.StatusCode);
        Assert.Equal("/help/invoice-email?voted=yes#feedback", ownResponse.Headers.Location?.OriginalString);
    }
}
