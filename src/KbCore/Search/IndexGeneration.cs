using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace KbCore.Search;

/// <summary>One on-disk index folder with its single writer and shared searcher manager.</summary>
internal sealed class IndexGeneration : IDisposable
{
    public IndexGeneration(string path, bool create)
    {
        Path = path;
        Directory = FSDirectory.Open(path);
        var config = new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.ForIndexing())
        {
            OpenMode = create ? OpenMode.CREATE : OpenMode.APPEND,

            // Fewer, larger flushes while rebuilding; incremental updates are small anyway.
            RAMBufferSizeMB = 64,
        };
        Writer = new IndexWriter(Directory, config);
        Searchers = new SearcherManager(Writer, applyAllDeletes: true, searcherFactory: new KbSimilarity.Factory());
    }

    public string Path { get; }

    public FSDirectory Directory { get; }

    public IndexWriter Writer { get; }

    public SearcherManager Searchers { get; }

    /// <summary>The commit user data of the last index commit (git commit, schema).</summary>
    public IDictionary<string, string> CommitData()
    {
        var infos = new SegmentInfos();
        infos.Read(Directory);
        return infos.UserData;
    }

    public void Dispose()
    {
        // Manager before writer: it holds readers the writer opened.
        Searchers.Dispose();
        Writer.Dispose();
        Directory.Dispose();
    }
}
