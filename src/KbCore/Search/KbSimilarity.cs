using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace KbCore.Search;

/// <summary>
/// BM25 with a steep coordination factor: an article matching 4 of 8 question words scores a quarter of its
/// term weights, not all of them. Customer questions are long and any word may match, so how much of the
/// question an article covers matters more than how often it repeats one rare word; BM25's saturating term
/// frequency and length normalization then rank the articles that cover the same words. On the judged set
/// this scored MRR@10 0.835 against 0.811 for classic TF-IDF with the same coordination, and 0.744 for BM25
/// without coordination (Lucene's BM25 ignores coord). k1 = 2 (tf saturates later than the usual 1.2) sits in
/// the middle of a flat region: k1 1.5–3 and b 0.6–0.9 all scored 0.830–0.836.
/// Only query-time scoring changes: BM25 encodes field lengths into norms exactly as the classic similarity
/// does, so the index is the same.
/// </summary>
internal sealed class KbSimilarity() : BM25Similarity(TermSaturation, LengthNormalization)
{
    private const float TermSaturation = 2.0f;
    private const float LengthNormalization = 0.75f;

    public override float Coord(int overlap, int maxOverlap)
    {
        var fraction = (float)overlap / maxOverlap;
        return fraction * fraction;
    }

    /// <summary>Searchers for a <see cref="SearcherManager"/> that score with <see cref="KbSimilarity"/>.</summary>
    public sealed class Factory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new KbSimilarity() };
    }
}
