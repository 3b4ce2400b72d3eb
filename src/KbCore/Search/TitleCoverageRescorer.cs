using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KbCore.Search;

/// <summary>
/// Second phase over the best hits: how much of the question, each word weighted by how rare it is, the
/// article's own short description (title, summary, path) says. The score is multiplied by 1 + that share, so
/// an article whose title and summary state the question outranks one whose long body merely mentions its words.
/// </summary>
internal static class TitleCoverageRescorer
{
    /// <summary>How many of the best hits are reordered.</summary>
    public const int Depth = 50;

    private static readonly HashSet<string> Described = [SearchFields.Id, SearchFields.Title, SearchFields.Summary];

    /// <param name="words">Per content word of the query, its stem and the stems of its likely corrections.</param>
    public static ScoreDoc[] Rescore(IndexSearcher searcher, ScoreDoc[] hits, IReadOnlyList<string[]> words, Analyzer english)
    {
        if (hits.Length < 2 || words.Count == 0)
        {
            return hits;
        }

        var reader = searcher.IndexReader;
        var distinct = words.DistinctBy(w => w[0], StringComparer.Ordinal).ToArray();
        var weights = distinct.Select(w => 1 + Math.Log(reader.MaxDoc / (w.Max(s => reader.DocFreq(new Term(SearchFields.Body, s))) + 1.0))).ToArray();
        var total = weights.Sum();
        var head = hits.Take(Depth).Select(hit =>
        {
            var doc = searcher.Doc(hit.Doc, Described);
            var text = string.Join(
                '\n',
                doc.Get(SearchFields.Title, CultureInfo.InvariantCulture),
                doc.Get(SearchFields.Summary, CultureInfo.InvariantCulture),
                doc.Get(SearchFields.Id, CultureInfo.InvariantCulture)?.Replace('/', ' ').Replace('-', ' '));
            var described = SearchAnalyzers.Terms(english, SearchFields.Title, text).ToHashSet(StringComparer.Ordinal);
            var covered = 0.0;
            for (var i = 0; i < distinct.Length; i++)
            {
                if (distinct[i].Any(described.Contains))
                {
                    covered += weights[i];
                }
            }

            return new ScoreDoc(hit.Doc, (float)(hit.Score * (1 + (covered / total))));
        }).OrderByDescending(h => h.Score).ToArray();
        return [.. head, .. hits.Skip(Depth)];
    }
}
