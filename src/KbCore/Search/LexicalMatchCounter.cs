using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KbCore.Search;

/// <summary>
/// Passes every hit on while noting which ones the question's words matched. In a hybrid search the query also
/// admits the nearest articles with a score of zero, so "scored above zero" is "found by words": did-you-mean and
/// "why this result" need that, the total and facets count both.
/// </summary>
internal sealed class LexicalMatchCounter(ICollector inner, IReadOnlySet<int> watched) : ICollector
{
    private Scorer? _scorer;
    private int _docBase;

    /// <summary>Hits the words matched.</summary>
    public int Count { get; private set; }

    /// <summary>Those of the watched documents (the semantic candidates) that the words matched too.</summary>
    public HashSet<int> WatchedMatches { get; } = [];

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer)
    {
        // Scores are computed once for both this and the collector of the best hits.
        _scorer = new ScoreCachingWrappingScorer(scorer);
        inner.SetScorer(_scorer);
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _docBase = context.DocBase;
        inner.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (_scorer!.GetScore() > 0)
        {
            Count++;
            if (watched.Contains(_docBase + doc))
            {
                WatchedMatches.Add(_docBase + doc);
            }
        }

        inner.Collect(doc);
    }
}
