using System.Globalization;
using KbCore.Content;
using Lucene.Net.Analysis.En;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace KbSearchBench;

/// <summary>
/// The yardstick: Lucene.Net with its defaults, as a team would set it up in an afternoon: EnglishAnalyzer,
/// title and raw markdown body, a classic QueryParser over title^2 + body with the input escaped.
/// </summary>
internal sealed class PlainLuceneBaseline : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly RAMDirectory _directory = new();
    private readonly EnglishAnalyzer _analyzer = new(Version);
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public PlainLuceneBaseline(ContentSnapshot snapshot, string? diskCopy)
    {
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer)))
        {
            foreach (var article in snapshot.Articles.Values.Where(a => a.IsPublic))
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", article.Path, Field.Store.YES),
                    new TextField("title", article.Title, Field.Store.YES),
                    new TextField("body", article.Body, Field.Store.YES),
                });
            }
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
        if (diskCopy is not null)
        {
            using var disk = FSDirectory.Open(diskCopy);
            foreach (var file in _directory.ListAll())
            {
                _directory.Copy(disk, file, file, IOContext.DEFAULT);
            }
        }
    }

    public IReadOnlyList<string> Search(string query, int top)
    {
        var parser = new MultiFieldQueryParser(Version, ["title", "body"], _analyzer, new Dictionary<string, float> { ["title"] = 2f, ["body"] = 1f });
        Query parsed;
        try
        {
            parsed = parser.Parse(QueryParserBase.Escape(query));
        }
        catch (ParseException)
        {
            return [];
        }

        return _searcher.Search(parsed, top).ScoreDocs
            .Select(d => _searcher.Doc(d.Doc).Get("id", CultureInfo.InvariantCulture))
            .ToArray();
    }

    public void Dispose()
    {
        _reader.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
