using System.Net;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.HelpCenter;

/// <summary>
/// Structured data that is true to the article (FAQ only for questions and answers, authors from git), safely
/// encoded, and never a word about an internal article on a page a visitor or crawler can read.
/// </summary>
public sealed class StructuredDataTests : IDisposable
{
    private const string InternalTitle = "Refund approval ladder";
    private const string InternalSummary = "Managers approve refunds over five hundred euros";

    private readonly TempDirectory _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
    {
        ["help/_index.md"] = "---\ntitle: Help\n---\n",
        ["help/billing-faq.md"] = "---\ntitle: Billing questions\nsummary: Answers about bills.\ntags: [refunds]\n---\n"
            + "## Can I pay by card?\n\nYes, every major card.\n\n## How do I get a refund?\n\nAsk us within 30 days.\n",
        ["help/declared-faq.md"] = "---\ntitle: Declared\ntype: faq\n---\n## Opening hours\n\nNine to five.\n",
        ["help/refunds.md"] = "---\ntitle: Refund a payment </script><b>x</b>\nsummary: How refunds work.\ntags: [refunds]\n---\n"
            + "## Why refunds take time?\n\nBanks.\n\n## Steps\n\nOpen the payment.\n",
        ["help/unanswered.md"] = "---\ntitle: Unanswered\n---\n## What now?\n\n## And then?\n\nSomething.\n",
        ["help/ladder.md"] = $"---\ntitle: {InternalTitle}\nsummary: {InternalSummary}\nvisibility: internal\ntags: [refunds]\n---\nSecret.\n",
        ["team/_index.md"] = "---\ntitle: Team corner\nvisibility: internal\n---\n",
        ["team/rota.md"] = "---\ntitle: Team rota\n---\nMonday.\n",
    });

    private readonly KbServerFactory _factory;

    public StructuredDataTests() => _factory = new KbServerFactory(_seed.Path);

    [Fact]
    public async Task FaqPage_OnlyForQuestionsWithAnswers()
    {
        // Arrange
        var client = _factory.CreateClient();

        // Act
        var faq = await Html.ParseAsync(await client.GetAsync("/help/billing-faq"));
        var declared = await Html.ParseAsync(await client.GetAsync("/help/declared-faq"));
        var mixed = await Html.ParseAsync(await client.GetAsync("/help/refunds"));
        var unanswered = await Html.ParseAsync(await client.GetAsync("/help/unanswered"));

        // Assert
        var questions = PageMeta.JsonLd(faq, "FAQPage").GetProperty("mainEntity").EnumerateArray().ToList();
        Assert.Equal(["Can I pay by card?", "How do I get a refund?"], questions.Select(q => q.GetProperty("name").GetString()));
        Assert.Equal("Ask us within 30 days.", questions[1].GetProperty("acceptedAnswer").GetProperty("text").GetString());
        Assert.Equal("Opening hours", PageMeta.JsonLd(declared, "FAQPage").GetProperty("mainEntity")[0].GetProperty("name").GetString());
        Assert.DoesNotContain(PageMeta.JsonLd(mixed), d => d.GetProperty("@type").GetString() == "FAQPage");
        Assert.DoesNotContain(PageMeta.JsonLd(unanswered), d => d.GetProperty("@type").GetString() == "FAQPage");
    }

    [Fact]
    public async Task JsonLd_CannotBeBrokenOutOf_ByATitle()
    {
        // Act
        var response = await _factory.CreateClient().GetAsync("/help/refunds");
        var doc = await Html.ParseAsync(response);

        // Assert: the title survives as data, and no element came out of it.
        Assert.Equal("Refund a payment </script><b>x</b>", PageMeta.JsonLd(doc, "Article").GetProperty("headline").GetString());
        Assert.All(doc.QuerySelectorAll("script[type='application/ld+json']"), s => Assert.DoesNotContain("<", s.TextContent, StringComparison.Ordinal));
        Assert.Empty(doc.Head!.QuerySelectorAll("b"));
    }

    [Fact]
    public async Task Authors_AreThePeopleWhoCommitted_AndDateModifiedIsTheirCommit()
    {
        // Arrange: the seed is the installer's; a person then edits the article and pushes.
        using var clone = new TempDirectory("kbclone");
        var before = PageMeta.JsonLd(await Html.ParseAsync(await _factory.CreateClient().GetAsync("/help/billing-faq")), "Article");
        Git.Run(clone.Path, "clone", "-q", _factory.RepositoryPath, "work");
        var work = clone.Combine("work");
        File.AppendAllText(Path.Combine(work, "help", "billing-faq.md"), "\nAlso by bank transfer.\n");
        Git.Run(work, "commit", "-q", "-am", "Mention bank transfers", "--date=2030-01-02T10:00:00Z");

        // Act
        Git.Run(work, "push", "-q", "origin", "main");
        var data = before;
        for (var started = DateTime.UtcNow; DateTime.UtcNow - started < TimeSpan.FromSeconds(5) && !data.GetProperty("author").ToString().Contains("Dana", StringComparison.Ordinal); await Task.Delay(100))
        {
            data = PageMeta.JsonLd(await Html.ParseAsync(await _factory.CreateClient().GetAsync("/help/billing-faq")), "Article");
        }

        // Assert
        Assert.Equal("Organization", before.GetProperty("author").GetProperty("@type").GetString());
        var author = Assert.Single(data.GetProperty("author").EnumerateArray());
        Assert.Equal("Person", author.GetProperty("@type").GetString());
        Assert.Equal("Dana Author", author.GetProperty("name").GetString());
        Assert.Equal(DateTimeOffset.Parse("2030-01-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), data.GetProperty("dateModified").GetDateTimeOffset());
        Assert.True(data.GetProperty("datePublished").GetDateTimeOffset() < data.GetProperty("dateModified").GetDateTimeOffset());
    }

    [Fact]
    public async Task InternalArticle_AppearsInNoPublicPagesMeta_NorTheSitemap()
    {
        // Arrange
        var client = _factory.CreateClient();
        var pages = new[] { "/", "/help", "/help/refunds", "/help/billing-faq", "/search?q=refund" };

        // Act
        var heads = new List<string>();
        foreach (var page in pages)
        {
            heads.Add(PageMeta.HeadText(await Html.ParseAsync(await client.GetAsync(page))));
        }

        var sitemap = await client.GetStringAsync("/sitemap.xml");

        // Assert
        Assert.All(heads, head => Assert.DoesNotContain(InternalTitle, head, StringComparison.Ordinal));
        Assert.All(heads, head => Assert.DoesNotContain(InternalSummary, head, StringComparison.Ordinal));
        Assert.All(heads, head => Assert.DoesNotContain("help/ladder", head, StringComparison.Ordinal));
        Assert.DoesNotContain("ladder", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain("/team", sitemap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamMember_ReadingAnInternalArticle_GetsNoIndex_AndNoCanonical()
    {
        // Arrange
        var author = await StudioSession.NewUserAsync(_factory, "seo.reader@example.com", KbRoles.Author);

        // Act
        var response = await author.Client.GetAsync("/help/ladder");
        var doc = await Html.ParseAsync(response);
        var folder = await Html.ParseAsync(await author.Client.GetAsync("/team"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("noindex", PageMeta.Meta(doc, "robots"));
        Assert.Null(PageMeta.Canonical(doc));
        Assert.Null(PageMeta.Meta(doc, "og:url"));
        Assert.Empty(PageMeta.JsonLd(doc));
        Assert.Equal("noindex", PageMeta.Meta(folder, "robots"));
        Assert.Null(PageMeta.Canonical(folder));
    }

    public void Dispose()
    {
        _factory.Dispose();
        _seed.Dispose();
    }
}
