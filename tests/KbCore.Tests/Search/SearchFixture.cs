using KbCore.Content;
using KbCore.Search;
using KbCore.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KbCore.Tests.Search;

/// <summary>A real bare repository, its content store and a real Lucene index on disk.</summary>
public sealed class SearchFixture : IDisposable
{
    private readonly TempDirectory _indexDir = new("kbindex");

    public SearchFixture(IReadOnlyDictionary<string, string?> files)
    {
        Git.Commit(files);
        Store = TestContent.Store(Git.Path);
        Index = OpenIndex();
        Index.Update(Store.Current);
        Searcher = new ArticleSearcher(Index);
    }

    public TempGitRepo Git { get; } = TempGitRepo.CreateBare();

    public ContentStore Store { get; }

    public SearchIndex Index { get; private set; }

    public ArticleSearcher Searcher { get; private set; }

    public string IndexDirectory => _indexDir.Path;

    /// <summary>Commits, refreshes the store and updates the index, as the server does on a push.</summary>
    public void Push(IReadOnlyDictionary<string, string?> files)
    {
        Git.Commit(files);
        Store.Refresh();
        Index.Update(Store.Current);
    }

    /// <summary>Closes the index and opens it again, as after a restart (or a crash after the last index commit).</summary>
    public void Restart()
    {
        Index.Dispose();
        Index = OpenIndex();
        Searcher = new ArticleSearcher(Index);
    }

    public IReadOnlyList<string> Paths(string query) => Searcher.Search(new SearchRequest(query)).Hits.Select(h => h.Path).ToArray();

    public void Dispose()
    {
        Index.Dispose();
        Git.Dispose();
        _indexDir.Dispose();
    }

    private SearchIndex OpenIndex() =>
        new(Options.Create(new SearchOptions { IndexDirectory = _indexDir.Path }), NullLogger<SearchIndex>.Instance);
}
