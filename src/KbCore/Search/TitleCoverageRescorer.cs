using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KbCore.Search;

/// <summary>
/// Second phase over the best hits: how much of the question, each word weighted by how rare it is, the
/// article's own short description (title, summary, path) says. The score is multiplied by 1 + that share, so
/// an article whose title and summary state the question outranks one whose long body merely mentions its words.
/// Read from the postings of the short fields, not from stored text: no document is loaded.
/// </summary>
internal static class TitleCoverageRescorer
{
    /// <summary>How many of the best hits are reordered.</summary>
    public const int Depth = 50;

    public static ScoreDoc[] Rescore(IndexSearcher searcher, ScoreDoc[] hits, IReadOnlyList<QueryWord> words)
    {
        if (hits.Length < 2 || words.Count == 0)
        {
            return hits;
        }

        var reader = searcher.IndexReader;
        var head = hits.Take(Depth).ToArray();
        var position = new Dictionary<int, int>(head.Length);
        for (var i = 0; i < head.Length; i++)
        {
            position[head[i].Doc] = i;
        }

        var covered = new double[head.Length];
        var total = 0.0;
        foreach (var word in words.DistinctBy(w => w.Stems[0], StringComparer.Ordinal))
        {
            var weight = 1 + Math.Log(reader.MaxDoc / (word.Stems.Max(s => reader.DocFreq(new Term(SearchFields.Body, s))) + 1.0));
            total += weight;
            var found = new bool[head.Length];
            foreach (var stem in word.Stems)
            {
                MarkShortFields(reader, stem, position, found);
            }

            // A synonym covers the word when its every stem is there ("automatic replies" for "away message").
            foreach (var synonym in word.Synonyms)
            {
                var all = Enumerable.Repeat(true, head.Length).ToArray();
                foreach (var stem in synonym.Stems)
                {
                    var some = new bool[head.Length];
                    MarkShortFields(reader, stem, position, some);
                    for (var i = 0; i < all.Length; i++)
                    {
                        all[i] &= some[i];
                    }
                }

                for (var i = 0; i < found.Length; i++)
                {
                    found[i] |= all[i];
                }
            }

            for (var i = 0; i < head.Length; i++)
            {
                covered[i] += found[i] ? weight : 0;
            }
        }

        var rescored = head.Select((hit, i) => new ScoreDoc(hit.Doc, (float)(hit.Score * (1 + (covered[i] / total))))).OrderByDescending(h => h.Score);
        return [.. rescored, .. hits.Skip(Depth)];
    }

    private static void MarkShortFields(IndexReader reader, string stem, Dictionary<int, int> position, bool[] found)
    {
        Mark(reader, SearchFields.Title, stem, position, found);
        Mark(reader, SearchFields.Summary, stem, position, found);
        Mark(reader, SearchFields.PathWords, stem, position, found);
    }

    /// <summary>Marks the hits whose <paramref name="field"/> holds <paramref name="text"/>.</summary>
    private static void Mark(IndexReader reader, string field, string text, Dictionary<int, int> position, bool[] found)
    {
        var term = new BytesRef(text);
        foreach (var leaf in reader.Leaves)
        {
            var docs = leaf.AtomicReader.GetTermDocsEnum(new Term(field, term));
            if (docs is null)
            {
                continue;
            }

            while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                if (position.TryGetValue(leaf.DocBase + docs.DocID, out var i))
                {
                    found[i] = true;
                }
            }
        }
    }
}
