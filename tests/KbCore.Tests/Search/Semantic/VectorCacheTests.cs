using KbCore.Search;
using KbCore.Search.Semantic;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KbCore.Tests.Search.Semantic;

/// <summary>Vectors are a derived cache: kept across restarts, updated per changed text, rebuilt when unusable.</summary>
public sealed class VectorCacheTests : IDisposable
{
    private readonly SemanticFixture _kb = new(SemanticArticles.Files());

    private int ArticleCount => _kb.Store.Current.Articles.Count;

    [Fact]
    public void FirstUpdate_EmbedsEveryArticle_AndIsReady()
    {
        Assert.Equal(ArticleCount, _kb.Semantic.EmbeddedCount);
        Assert.Equal(new("ready", 100), _kb.Semantic.Progress);
        Assert.True(File.Exists(Path.Combine(_kb.Vectors.Path, "vectors.bin")));
    }

    [Fact]
    public void Restart_ReadsTheVectorsBack_WithoutEmbeddingAnything()
    {
        _kb.Restart();

        Assert.Equal(0, _kb.Semantic.EmbeddedCount);
        Assert.Equal("ready", _kb.Semantic.Progress.State);
        Assert.Equal(SemanticArticles.AutomaticReplies, _kb.Search("my away message").Hits[0].Path);
    }

    [Fact]
    public void EditedArticle_IsEmbeddedAgain_AndNoOtherIs()
    {
        // Arrange
        var before = _kb.Semantic.EmbeddedCount;

        // Act: the printer article now answers a different question, in words the question does not use.
        _kb.Push(new Dictionary<string, string?>
        {
            ["devices/printer.md"] = "---\ntitle: Charge the laptop battery\nsummary: The notebook will not power on.\n---\nPlug in the adapter for an hour before switching on.\n",
        });

        // Assert
        Assert.Equal(before + 1, _kb.Semantic.EmbeddedCount);
        Assert.Equal("devices/printer", _kb.Search("laptop won't turn on").Hits[0].Path);
    }

    [Fact]
    public void DeletedArticle_LeavesTheVectors_AndNoResultPointsAtIt()
    {
        _kb.Push(new Dictionary<string, string?> { ["mail/automatic-replies.md"] = null });

        Assert.DoesNotContain(_kb.Search("my away message").Hits, h => h.Path == SemanticArticles.AutomaticReplies);
        _kb.Restart();
        Assert.Equal(0, _kb.Semantic.EmbeddedCount);
    }

    [Fact]
    public void DeletedCache_IsRebuilt_WhileSearchKeepsAnsweringByWords()
    {
        // Arrange: the data directory loses its vectors; a new process starts on it.
        Directory.Delete(_kb.Vectors.Path, recursive: true);
        _kb.Restart(update: false);

        // Act: before the vectors are back, search answers from the words alone.
        var meanwhile = _kb.Search("reset password");
        _kb.Semantic.Update(_kb.Store.Current);

        // Assert
        Assert.Equal("account/reset-password", meanwhile.Hits[0].Path);
        Assert.Equal(HitMatch.Words, meanwhile.Hits[0].Match);
        Assert.Equal(ArticleCount, _kb.Semantic.EmbeddedCount);
        Assert.True(File.Exists(Path.Combine(_kb.Vectors.Path, "vectors.bin")));
        Assert.Equal(SemanticArticles.AutomaticReplies, _kb.Search("my away message").Hits[0].Path);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("flipped")]
    public void UnusableCache_IsDiscardedAndRebuilt(string damage)
    {
        // Arrange
        var file = Path.Combine(_kb.Vectors.Path, "vectors.bin");
        var bytes = File.ReadAllBytes(file);
        switch (damage)
        {
            case "garbage":
                File.WriteAllText(file, "this is not a vector cache");
                break;
            case "truncated":
                File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
                break;
            default:
                bytes[bytes.Length / 2] ^= 0x40;
                File.WriteAllBytes(file, bytes);
                break;
        }

        // Act
        _kb.Restart();

        // Assert
        Assert.Equal(ArticleCount, _kb.Semantic.EmbeddedCount);
        Assert.Equal(SemanticArticles.AutomaticReplies, _kb.Search("my away message").Hits[0].Path);
        _kb.Restart();
        Assert.Equal(0, _kb.Semantic.EmbeddedCount);
    }

    [Fact]
    public void CacheThatCannotBeWritten_StillAnswersByMeaningFromMemory()
    {
        // Arrange: the cache's place is taken by a file, as a read-only or broken data directory would refuse writes.
        var blocker = Path.Combine(_kb.Vectors.Path, "not-a-folder");
        File.WriteAllText(blocker, "x");
        using var semantic = new SemanticIndex(Options.Create(new SemanticOptions { CacheDirectory = Path.Combine(blocker, "vectors") }), NullLogger<SemanticIndex>.Instance);

        // Act
        semantic.Update(_kb.Store.Current);
        var response = new ArticleSearcher(_kb.Index, semantic).Search(new SearchRequest("my away message"), useCache: false);

        // Assert
        Assert.Equal("ready", semantic.Progress.State);
        Assert.Equal(SemanticArticles.AutomaticReplies, response.Hits[0].Path);
    }

    [Fact]
    public void UnknownRecipe_TurnsSemanticSearchOffWithAReason_AndSearchStaysLexical()
    {
        using var semantic = new SemanticIndex(Options.Create(new SemanticOptions { CacheDirectory = _kb.Vectors.Combine("other"), Recipe = "everything" }), NullLogger<SemanticIndex>.Instance);

        semantic.Update(_kb.Store.Current);
        var response = new ArticleSearcher(_kb.Index, semantic).Search(new SearchRequest("reset password"), useCache: false);

        Assert.Equal("off", semantic.Progress.State);
        Assert.Contains("Search:Semantic:Recipe", semantic.Progress.Warning, StringComparison.Ordinal);
        Assert.Equal("account/reset-password", response.Hits[0].Path);
        Assert.Equal(HitMatch.Words, response.Hits[0].Match);
    }

    [Fact]
    public void Disabled_NeverLoadsTheModel_AndSearchIsLexical()
    {
        using var off = new SemanticFixture(SemanticArticles.Files(), enabled: false);

        var response = off.Search("reset password");

        Assert.Equal("off", off.Semantic.Progress.State);
        Assert.Null(off.Semantic.Progress.Warning);
        Assert.Equal(0, off.Semantic.EmbeddedCount);
        Assert.False(Directory.EnumerateFiles(off.Vectors.Path).Any());
        Assert.Equal("account/reset-password", response.Hits[0].Path);
        Assert.Equal(HitMatch.Words, response.Hits[0].Match);
    }

    public void Dispose() => _kb.Dispose();
}
