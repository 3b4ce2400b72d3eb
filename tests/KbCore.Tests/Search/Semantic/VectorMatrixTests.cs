using System.Numerics.Tensors;
using KbCore.Search;
using KbCore.Search.Semantic;

namespace KbCore.Tests.Search.Semantic;

/// <summary>The exact scan of a small help center and the byte-copy scan of a large one give the exact nearest articles.</summary>
public sealed class VectorMatrixTests
{
    private static readonly HashSet<string> None = [];

    [Theory]
    [InlineData(500)]
    [InlineData(VectorMatrix.LargeFrom + 5_000)]
    public void Nearest_IsTheExactTopK_AmongTheArticlesTheCallerMaySee(int count)
    {
        // Arrange: vectors in clusters (as articles on the same topic are), every 7th article internal.
        var random = new Random(7);
        var centers = Enumerable.Range(0, 40).Select(_ => Unit(random, null, 0)).ToArray();
        var vectors = Enumerable.Range(0, count).Select(i => Unit(random, centers[i % centers.Length], 0.6f)).ToArray();
        var matrix = new VectorMatrix([.. vectors.Select((v, i) => (new VectorRow($"a/{i}", i % 7 != 0, "a", None, None), new[] { v }))]);
        var query = Unit(random, centers[3], 0.6f);

        // Act
        var hits = matrix.Nearest(query, 50, new SearchRequest("q"), -1);

        // Assert: the same articles, in the same order, with exact similarities, as a brute-force ranking.
        var expected = vectors.Select((v, i) => (Path: $"a/{i}", Similarity: TensorPrimitives.Dot(query, v)))
            .Where((_, i) => i % 7 != 0)
            .OrderByDescending(e => e.Similarity)
            .Take(50)
            .ToArray();
        Assert.Equal(expected.Select(e => e.Path), hits.Select(h => h.Path));
        Assert.Equal(expected[0].Similarity, hits[0].Similarity, 5);
    }

    private static float[] Unit(Random random, float[]? center, float noise)
    {
        var vector = new float[SentenceEmbedder.Dimensions];
        for (var d = 0; d < vector.Length; d++)
        {
            vector[d] = (center?[d] ?? 0) + ((float)(random.NextDouble() - 0.5) * (center is null ? 1 : noise));
        }

        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }
}
