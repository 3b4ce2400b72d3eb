using System.Numerics.Tensors;

namespace KbCore.Search.Semantic;

/// <summary>
/// The vectors of one published commit, one after another in one contiguous array, scanned exactly. Lucene.Net 4.8
/// has no vector field, and at knowledge-base sizes a full scan with SIMD dot products beats an approximate index
/// (see docs/benchmarks.md for 100,000 articles). An article may have several vectors (parts of a long article);
/// it scores by its best one. From <see cref="LargeFrom"/> vectors on, the scan runs on every core over a byte copy of
/// the vectors (<see cref="QuantizedVectors"/>) and its shortlist is scored again exactly. Immutable once built.
/// </summary>
internal sealed class VectorMatrix
{
    /// <summary>Below this many vectors one core and exact floats scan fastest (2,448: about 0.2 ms).</summary>
    public const int LargeFrom = 20_000;
    private const int MaxParts = 4;

    /// <summary>How many more candidates the byte scan shortlists than are asked for, and the cosine it may be off by.</summary>
    private const int Shortlist = 2;
    private const float QuantizationSlack = 0.02f;

    private readonly float[] _values;
    private readonly QuantizedVectors? _quantized;
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
        _quantized = next >= LargeFrom ? new QuantizedVectors(_values, next) : null;
    }

    /// <summary>Articles with vectors.</summary>
    public int Count => _articles.Length;

    /// <summary>Memory held by the vectors themselves (floats, and their byte copy when there is one), for the benchmarks.</summary>
    public long VectorBytes => ((long)_values.Length * sizeof(float)) + (_quantized?.Bytes ?? 0);

    /// <summary>The <paramref name="k"/> articles most similar to <paramref name="query"/> among those <paramref name="request"/> allows, best first.</summary>
    public IReadOnlyList<DenseHit> Nearest(ReadOnlySpan<float> query, int k, SearchRequest request, float minSimilarity)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (k <= 0)
        {
            return [];
        }

        if (_quantized is null)
        {
            return Hits(Scan(query, 0, _articles.Length, k, request, minSimilarity), k);
        }

        // A large help center: each core scans a slice of the byte copy into its own heap; the slices' best are
        // scored again exactly, and the best of those kept.
        var exact = query.ToArray();
        var bytes = new sbyte[SentenceEmbedder.Dimensions];
        var scale = QuantizedVectors.Quantize(exact, bytes);
        var parts = Math.Clamp(Environment.ProcessorCount, 1, MaxParts);
        var slices = new PriorityQueue<int, float>[parts];
        Parallel.For(0, parts, part =>
        {
            var from = (int)((long)_articles.Length * part / parts);
            var to = (int)((long)_articles.Length * (part + 1) / parts);
            slices[part] = ScanBytes(bytes, scale, from, to, k * Shortlist, request, minSimilarity - QuantizationSlack);
        });

        var merged = new PriorityQueue<int, float>(k + 1);
        foreach (var slice in slices)
        {
            while (slice.TryDequeue(out var article, out _))
            {
                var similarity = Best(exact, article);
                if (similarity >= minSimilarity)
                {
                    Offer(merged, article, similarity, k);
                }
            }
        }

        return Hits(merged, k);
    }

    /// <summary>The similarity of <paramref name="path"/> to <paramref name="query"/>; null when the article has no vector.</summary>
    public float? Similarity(ReadOnlySpan<float> query, string path) => _articleOf.TryGetValue(path, out var a) ? Best(query, a) : null;

    /// <summary>The best <paramref name="k"/> of articles [from, to) in a bounded min-heap: its root is the worst kept so far.</summary>
    private PriorityQueue<int, float> Scan(ReadOnlySpan<float> query, int from, int to, int k, SearchRequest request, float minSimilarity)
    {
        var best = new PriorityQueue<int, float>(k + 1);
        var unfiltered = Unfiltered(request);
        for (var a = from; a < to; a++)
        {
            if (unfiltered || _articles[a].Allows(request))
            {
                var similarity = Best(query, a);
                if (similarity >= minSimilarity)
                {
                    Offer(best, a, similarity, k);
                }
            }
        }

        return best;
    }

    private PriorityQueue<int, float> ScanBytes(sbyte[] query, float scale, int from, int to, int k, SearchRequest request, float minSimilarity)
    {
        var best = new PriorityQueue<int, float>(k + 1);
        var unfiltered = Unfiltered(request);
        for (var a = from; a < to; a++)
        {
            if (unfiltered || _articles[a].Allows(request))
            {
                var similarity = float.NegativeInfinity;
                for (var v = _firstVector[a]; v < _firstVector[a + 1]; v++)
                {
                    similarity = Math.Max(similarity, _quantized!.Dot(query, scale, v));
                }

                if (similarity >= minSimilarity)
                {
                    Offer(best, a, similarity, k);
                }
            }
        }

        return best;
    }

    /// <summary>The team searching with no filter may see every row, so rows need no check.</summary>
    private static bool Unfiltered(SearchRequest request) =>
        request.IncludeInternal && string.IsNullOrWhiteSpace(request.Category)
        && string.IsNullOrWhiteSpace(request.Tag) && string.IsNullOrWhiteSpace(request.TicketCategory);

    private static void Offer(PriorityQueue<int, float> best, int article, float similarity, int k)
    {
        if (best.Count < k)
        {
            best.Enqueue(article, similarity);
        }
        else if (best.TryPeek(out _, out var worst) && similarity > worst)
        {
            best.DequeueEnqueue(article, similarity);
        }
    }

    private DenseHit[] Hits(PriorityQueue<int, float> best, int k)
    {
        var hits = new DenseHit[Math.Min(best.Count, k)];
        for (var n = hits.Length - 1; n >= 0; n--)
        {
            best.TryDequeue(out var article, out var similarity);
            hits[n] = new DenseHit(_articles[article].Path, similarity);
        }

        return hits;
    }

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
