using KbCore.Content;
using KbCore.Search;
using KbCore.Search.Semantic;
using KbCore.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KbCore.Tests.Search.Semantic;

/// <summary>A real repository, a real Lucene index, the real sentence encoder and its vector cache on disk.</summary>
public sealed class SemanticFixture : IDisposable
{
    private readonly TempDirectory _indexDir = new("kbindex");

    public SemanticFixture(IReadOnlyDictionary<string, string?> files, bool enabled = true)
    {
        Enabled = enabled;
        Git.Commit(files);
        Store = TestContent.Store(Git.Path);
        Index = new SearchIndex(Options.Create(new SearchOptions { IndexDirectory = _indexDir.Path }), NullLogger<SearchIndex>.Instance);
        Index.Update(Store.Current);
        Semantic = OpenSemantic();
        Semantic.Update(Store.Current);
    }

    public bool Enabled { get; }

    public TempGitRepo Git { get; } = TempGitRepo.CreateBare();

    public TempDirectory Vectors { get; } = new("kbvectors");

    public ContentStore Store { get; }

    public SearchIndex Index { get; }

    public SemanticIndex Semantic { get; private set; }

    public ArticleSearcher Searcher => new(Index, Semantic);

    /// <summary>Commits, refreshes the store and updates index and vectors, as the server does on a push.</summary>
    public void Push(IReadOnlyDictionary<string, string?> files)
    {
        Git.Commit(files);
        Store.Refresh();
        Index.Update(Store.Current);
        Semantic.Update(Store.Current);
    }

    /// <summary>A new process over the same data directory: a fresh encoder and whatever the cache file holds.</summary>
    public void Restart(bool update = true)
    {
        Semantic.Dispose();
        Semantic = OpenSemantic();
        if (update)
        {
            Semantic.Update(Store.Current);
        }
    }

    public SearchResponse Search(string query, bool includeInternal = false) =>
        Searcher.Search(new SearchRequest(query, IncludeInternal: includeInternal), useCache: false);

    public void Dispose()
    {
        Semantic.Dispose();
        Index.Dispose();
        Git.Dispose();
        Vectors.Dispose();
        _indexDir.Dispose();
    }

    private SemanticIndex OpenSemantic() =>
        new(Options.Create(new SemanticOptions { CacheDirectory = Vectors.Path, Enabled = Enabled }), NullLogger<SemanticIndex>.Instance);
}
