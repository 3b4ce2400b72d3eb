using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.HelpCenter;

/// <summary>Search by meaning over HTTP, with the real model: health, API, page, suggestions, the studio, and a lost cache.</summary>
public sealed class HybridSearchTests : IDisposable
{
    private static readonly Dictionary<string, string?> Semantic = new() { ["Search:Semantic:Enabled"] = "true" };

    private readonly TempDirectory _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
    {
        ["mail/automatic-replies.md"] = "---\ntitle: Send automatic replies\nsummary: Tell people you are on vacation or out of the office.\n---\nOpen File, choose Automatic Replies, write the text people get while you are on vacation, and set the dates.\n",
        ["mail/recover-deleted.md"] = "---\ntitle: Recover deleted items\nsummary: Get back mail you removed by mistake.\n---\nOpen the Deleted Items folder and restore them.\n",
        ["account/reset-password.md"] = "---\ntitle: Reset your password\nsummary: Choose a new password when you have forgotten yours.\n---\nUse the self-service reset page and confirm with your phone.\n",
        ["team/_index.md"] = "---\ntitle: Team\nvisibility: internal\n---\n",
        ["team/vault-rotation.md"] = "---\ntitle: Rotate the vault master key\nsummary: Quarterly procedure for the on-call engineer.\n---\nSeal the vault, generate the new key shares, hand them to the three key holders and unseal.\n",
    });

    private readonly TempDirectory _data = new("kbshared");

    [Fact]
    public async Task Healthz_ReportsTheVectors_AndTheApiFindsAnAnswerByMeaning()
    {
        // Arrange
        using var factory = new KbServerFactory(_seed.Path, Semantic);
        await factory.WaitForVectorsAsync();
        var client = factory.CreateClient();

        // Act
        using var health = JsonDocument.Parse(await client.GetStringAsync("/healthz"));
        using var search = JsonDocument.Parse(await client.GetStringAsync("/api/v1/search?q=my+away+message"));

        // Assert
        var semantic = health.RootElement.GetProperty("search").GetProperty("semantic");
        Assert.Equal("ready", semantic.GetProperty("state").GetString());
        Assert.Equal(100, semantic.GetProperty("percent").GetInt32());
        var first = search.RootElement.GetProperty("results")[0];
        Assert.Equal("mail/automatic-replies", first.GetProperty("path").GetString());
        Assert.Equal("meaning", first.GetProperty("match").GetString());
    }

    [Fact]
    public async Task InternalArticle_IsNeverFoundByAParaphrase_OnAnyAnonymousChannel()
    {
        // Arrange
        using var factory = new KbServerFactory(_seed.Path, Semantic);
        await factory.WaitForVectorsAsync();
        var client = factory.CreateClient();
        const string paraphrase = "replacing+the+encryption+keys+of+our+secrets+safe+each+quarter";

        // Act
        var api = await client.GetStringAsync("/api/v1/search?q=" + paraphrase);
        var page = await client.GetStringAsync("/search?q=" + paraphrase);
        var contact = await client.GetStringAsync("/contact/suggestions?subject=" + paraphrase);
        var publicAgent = await ApiTokens.ClientAsync(factory, "agent@example.com", KbRoles.Author, TokenScopes.Suggest);
        var suggestions = await publicAgent.PostAsJsonAsync("/api/v1/suggestions", new { subject = paraphrase.Replace('+', ' '), audience = "public" });

        // Assert
        var body = await suggestions.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, suggestions.StatusCode);
        Assert.DoesNotContain("vault", api + page + contact + body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("team/", api + contact + body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostileQueries.Encoded), MemberType = typeof(HostileQueries))]
    public async Task HostileQueries_InHybridMode_NeverAServerError(string encoded)
    {
        using var factory = new KbServerFactory(_seed.Path, Semantic);
        await factory.WaitForVectorsAsync();
        var client = factory.CreateClient();

        foreach (var url in new[] { "/search?q=", "/api/v1/search?q=", "/api/v1/autocomplete?q=", "/contact/suggestions?subject=" })
        {
            var response = await client.GetAsync(url + encoded + "+" + encoded + encoded);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var long499 = await client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("pneumonoultramicroscopic ", 20))[..499]));
        Assert.Equal(HttpStatusCode.OK, long499.StatusCode);
    }

    [Fact]
    public async Task DeletedVectorCache_IsRebuiltOnTheNextStart_WhileSearchKeepsAnswering()
    {
        // Arrange: a server builds its vectors and stops; the cache is lost.
        var settings = new Dictionary<string, string?>(Semantic) { ["DataDirectory"] = _data.Path };
        using (var first = new KbServerFactory(_seed.Path, settings))
        {
            await first.WaitForVectorsAsync();
        }

        Directory.Delete(_data.Combine("vectors"), recursive: true);

        // Act: the next start answers by words at once, and rebuilds the vectors in the background.
        using var second = new KbServerFactory(_seed.Path, settings);
        await second.WaitForIndexAsync();
        var client = second.CreateClient();
        var meanwhile = await client.GetAsync("/api/v1/search?q=reset+password");
        await second.WaitForVectorsAsync();
        using var after = JsonDocument.Parse(await client.GetStringAsync("/api/v1/search?q=my+away+message"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, meanwhile.StatusCode);
        Assert.Contains("account/reset-password", await meanwhile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(File.Exists(_data.Combine("vectors", "vectors.bin")));
        Assert.Equal("mail/automatic-replies", after.RootElement.GetProperty("results")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Disabled_HealthzSaysOff_AndSearchAnswersByWords()
    {
        using var factory = new KbServerFactory(_seed.Path, new Dictionary<string, string?> { ["Search:Semantic:Enabled"] = "false" });
        await factory.WaitForIndexAsync();
        var client = factory.CreateClient();

        using var health = JsonDocument.Parse(await client.GetStringAsync("/healthz"));
        using var search = JsonDocument.Parse(await client.GetStringAsync("/api/v1/search?q=reset+password"));
        var page = await client.GetAsync("/search?q=my+away+message");

        Assert.Equal("off", health.RootElement.GetProperty("search").GetProperty("semantic").GetProperty("state").GetString());
        Assert.Equal("account/reset-password", search.RootElement.GetProperty("results")[0].GetProperty("path").GetString());
        Assert.Equal("words", search.RootElement.GetProperty("results")[0].GetProperty("match").GetString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(factory.DataDirectory, "vectors")));
    }

    [Fact]
    public async Task TryASearch_SaysWhetherWordsOrMeaningFoundEachResult()
    {
        // Arrange
        using var factory = new KbServerFactory(_seed.Path, Semantic);
        await factory.WaitForVectorsAsync();
        var session = await StudioSession.NewUserAsync(factory, "ann@example.com", KbRoles.Author);

        // Act
        var meaning = await session.GetDocumentAsync("/studio/synonyms?q=my+away+message");
        var both = await session.GetDocumentAsync("/studio/synonyms?q=reset+forgotten+password");

        // Assert
        var first = meaning.QuerySelector("#synonyms-tried ol li")!;
        Assert.Contains("/studio/edit?path=mail%2Fautomatic-replies", first.InnerHtml, StringComparison.Ordinal);
        Assert.Equal("meaning", first.QuerySelector(".why")!.TextContent);
        Assert.Equal("words and meaning", both.QuerySelector("#synonyms-tried ol li .why")!.TextContent);
        Assert.Null(meaning.QuerySelector("#semantic-state"));
    }

    public void Dispose()
    {
        _seed.Dispose();
        _data.Dispose();
    }
}
