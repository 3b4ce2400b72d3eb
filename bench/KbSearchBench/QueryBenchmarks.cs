using BenchmarkDotNet.Attributes;
using KbCore.Content;
using KbCore.Search;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KbSearchBench;

/// <summary>
/// In-process query latency with BenchmarkDotNet, answer cache off (every call computes the answer).
/// The repository comes from KB_BENCH_REPO (a git repository of the corpus).
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1063 // BenchmarkDotNet needs an unsealed class; nothing derives from it.
public class QueryBenchmarks : IDisposable
#pragma warning restore CA1063
{
    private string _work = string.Empty;
    private SearchIndex? _index;
    private ArticleSearcher? _searcher;

    [Params("owa", "autodiscovr not working", "why is the teams meeting button missing in outlook")]
    public string Query { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var repo = Environment.GetEnvironmentVariable("KB_BENCH_REPO") ?? throw new InvalidOperationException("set KB_BENCH_REPO");
        var options = Options.Create(new ContentOptions { Repository = repo, CreateIfMissing = false });
        var store = new ContentStore(new ContentRepository(options, NullLogger<ContentRepository>.Instance), options, NullLogger<ContentStore>.Instance);
        _work = Path.Combine(Path.GetTempPath(), "kbbdn-" + Guid.NewGuid().ToString("N"));
        _index = new SearchIndex(Options.Create(new SearchOptions { IndexDirectory = _work }), NullLogger<SearchIndex>.Instance);
        _index.Rebuild(store.Current);
        _searcher = new ArticleSearcher(_index);
    }

    [Benchmark]
    public int Search() => _searcher!.Search(new SearchRequest(Query), useCache: false).Total;

    public void Dispose()
    {
        Cleanup();
        GC.SuppressFinalize(this);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _index?.Dispose();
        _index = null;
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }
}
