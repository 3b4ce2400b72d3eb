using System.Numerics.Tensors;

namespace KbCore.Search.Semantic;

/// <summary>
/// The vectors of one published commit, one after another in one contiguous array, scanned exactly. Lucene.Net 4.8
/// has no vector field, and at knowledge-base sizes a full scan with SIMD dot products beats an approximate index
/// (see docs/benchmarks.md for 100,000 articles). An article may have several vectors (parts of a long article);
/// it scores by its best one. Immutable once built.
/// </summary>
internal sealed class VectorMatrix
{
    private readonly float[] _values;
    private readonly VectorRow[] _articles;
    private readonly int[] _firstVector;
    private readonly Dictionary<string, int> _articleOf;

    public VectorMatrix(IReadOnlyList<(VectorRow Row, float[][] Vectors)> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var total = articles.Sum(a => a.Vectors.Length);
        _values = new float[total * SentenceEmbedder.Dimensions];
        _articles = new VectorRow[articles.Count];
        _firstVector = new int[articles.Count + 1];
        _articleOf = new Dictionary<string, int>(articles.Count, StringComparer.Ordinal);
        var next = 0;
        for (var a = 0; a < articles.Count; a++)
        {
            _articles[a] = articles[a].Row;
            _articleOf[articles[a].Row.Path] = a;
            _firstVector[a] = next;
            foreach (var vector in articles[a].Vectors)
            {
                vector.CopyTo(_values, next++ * SentenceEmbedder.Dimensions);
            }
        }

        _firstVector[articles.Count] = next;
    }

    /// <summary>Articles with vectors.</summary>
    public int Count => _articles.Length;

    /// <summary>Memory held by the vectors themselves, for the benchmarks.</summary>
    public long VectorBytes => (long)_values.Length * sizeof(float);

    /// <summary>The <paramref name="k"/> articles most similar to <paramref name="query"/> among those <paramref name="request"/> allows, best first.</summary>
    public IReadOnlyList<DenseHit> Nearest(ReadOnlySpan<float> query, int k, SearchRequest request, float minSimilarity)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (k <= 0)
        {
            return [];
        }

        // A bounded min-heap: the root is the worst of the best k so far, so most articles cost a dot product and a compare.
        var best = new PriorityQueue<int, float>(k + 1);
        var unfiltered = request.IncludeInternal && string.IsNullOrWhiteSpace(request.Category)
            && string.IsNullOrWhiteSpace(request.Tag) && string.IsNullOrWhiteSpace(request.TicketCategory);
        for (var a = 0; a < _articles.Length; a++)
        {
            if (!unfiltered && !_articles[a].Allows(request))
            {
                continue;
            }

            var similarity = Best(query, a);
            if (similarity < minSimilarity)
            {
                continue;
            }

            if (best.Count < k)
            {
                best.Enqueue(a, similarity);
            }
            else if (best.TryPeek(out _, out var worst) && similarity > worst)
            {
                best.DequeueEnqueue(a, similarity);
            }
        }

        var hits = new DenseHit[best.Count];
        for (var n = hits.Length - 1; n >= 0; n--)
        {
            best.TryDequeue(out var a, out var similarity);
            hits[n] = new DenseHit(_articles[a].Path, similarity);
        }

        return hits;
    }

    /// <summary>The similarity of <paramref name="path"/> to <paramref name="query"/>; null when the article has no vector.</summary>
    public float? Similarity(ReadOnlySpan<float> query, string path) => _articleOf.TryGetValue(path, out var a) ? Best(query, a) : null;

    private float Best(ReadOnlySpan<float> query, int article)
    {
        var best = float.NegativeInfinity;
        for (var v = _firstVector[article]; v < _firstVector[article + 1]; v++)
        {
            best = Math.Max(best, TensorPrimitives.Dot(query, _values.AsSpan(v * SentenceEmbedder.Dimensions, SentenceEmbedder.Dimensions)));
        }

        return best;
    }
}
