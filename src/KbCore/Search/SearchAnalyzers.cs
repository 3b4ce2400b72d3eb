using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace KbCore.Search;

/// <summary>
/// The analyzers of the index. Text fields: standard tokens, folded accents, English stemming with
/// stop words kept out. The title-prefix field: edge n-grams, so "recur" finds "recurring" as people type.
/// </summary>
internal static class SearchAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;
    public const int MinGram = 2;
    public const int MaxGram = 15;

    /// <summary>English text: what both indexing and querying of title, summary, headings, body use.</summary>
    public static Analyzer English() => Analyzer.NewAnonymous((field, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    });

    /// <summary>Lower-cased, folded words without stemming: the form people type, for prefixes and suggestions.</summary>
    public static Analyzer Plain() => Analyzer.NewAnonymous((field, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, source);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(source, stream);
    });

    /// <summary>Index side of <see cref="SearchFields.TitlePrefix"/>: every word's leading 2..15 characters.</summary>
    public static Analyzer EdgeNGrams() => Analyzer.NewAnonymous((field, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, source);
        stream = new ASCIIFoldingFilter(stream);
        stream = new EdgeNGramTokenFilter(Version, stream, MinGram, MaxGram);
        return new TokenStreamComponents(source, stream);
    });

    /// <summary>
    /// Per-field analyzer for the index writer. Path words ("move-or-migrate-mailboxes") are English text like the
    /// title: the query searches every field with the question's stems, so an unstemmed path only matched words whose
    /// stem is the word itself ("migration" never found "migrate"). Stemmed: MRR@10 0.841 vs 0.835 on the judged set.
    /// </summary>
    public static Analyzer ForIndexing() => new PerFieldAnalyzerWrapper(
        English(),
        new Dictionary<string, Analyzer>
        {
            [SearchFields.TitlePrefix] = EdgeNGrams(),
            [SearchFields.Words] = Plain(),
        });

    /// <summary>Runs <paramref name="analyzer"/> over <paramref name="text"/> and returns its terms, in order.</summary>
    public static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
