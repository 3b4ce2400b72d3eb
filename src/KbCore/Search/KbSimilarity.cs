using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace KbCore.Search;

/// <summary>
/// Lucene's classic TF-IDF with a steeper coordination factor: an article matching 4 of 8 question words
/// scores a quarter of its term weights, not a half. Customer questions are long and any word may match, so
/// how much of the question an article covers matters more than how often it repeats one rare word.
/// Only query-time scoring changes: norms, and so the index, are the same as with the default.
/// </summary>
internal sealed class KbSimilarity : DefaultSimilarity
{
    public override float Coord(int overlap, int maxOverlap)
    {
        var fraction = base.Coord(overlap, maxOverlap);
        return fraction * fraction;
    }

    /// <summary>Searchers for a <see cref="SearcherManager"/> that score with <see cref="KbSimilarity"/>.</summary>
    public sealed class Factory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new KbSimilarity() };
    }
}
