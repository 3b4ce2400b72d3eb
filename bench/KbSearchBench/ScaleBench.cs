using System.Diagnostics;
using KbCore.Search;
using KbCore.Search.Semantic;

namespace KbSearchBench;

/// <summary>
/// <c>--scale &lt;vectors-dir&gt; [articles]</c>: the exact vector scan on a synthetic help center far larger than the
/// corpus. Each synthetic article's vector mixes two real corpus vectors with a little noise (so similarities are
/// spread as real ones are, not the near-orthogonal noise of random vectors); queries are real query vectors.
/// Reports the scan time per query (p50/p95/p99) and the memory of the matrix.
/// </summary>
internal static class ScaleBench
{
    public static int Run(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        var real = RealVectors(args[0]);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var rows = Synthetic(real, count);
        var matrix = new VectorMatrix(rows);
        rows.Clear();
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine($"{count} synthetic articles: vectors {matrix.VectorBytes / 1048576.0:F1} MB, matrix with its row data {held / 1048576.0:F1} MB (managed)");

        var anonymous = new SearchRequest("q");
        for (var warm = 0; warm < 300; warm++)
        {
            matrix.Nearest(real[warm % real.Length], 50, anonymous, 0.2f);
        }

        var times = new List<double>();
        for (var q = 0; q < 200; q++)
        {
            var watch = Stopwatch.StartNew();
            matrix.Nearest(real[(q * 7) % real.Length], 50, anonymous, 0.2f);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        // How much of the exact top 50 (brute force over the same vectors, made again after the timing so that they
        // do not share the memory it measured) the scan returns, for 20 queries.
        var exact = Synthetic(real, count).Select(r => r.Item2[0]).ToArray();
        var found = 0;
        for (var q = 0; q < 20; q++)
        {
            var query = real[(q * 13) % real.Length];
            var truth = exact.Select((v, i) => (i, s: System.Numerics.Tensors.TensorPrimitives.Dot(query, v)))
                .Where(e => e.i % 10 != 0).OrderByDescending(e => e.s).Take(50).Select(e => $"synthetic/{e.i}").ToHashSet();
            found += matrix.Nearest(query, 50, anonymous, -1f).Count(h => truth.Contains(h.Path));
        }

        Console.WriteLine($"the scan's top 50 against the exact top 50: {found * 100.0 / (20 * 50):F1} % the same articles over 20 queries");
        times.Sort();
        Console.WriteLine($"scan, top 50 of {count} (public only): p50 {times[100]:F2} ms, p95 {times[190]:F2} ms, p99 {times[198]:F2} ms over {times.Count} queries");
        GC.KeepAlive(matrix);
        return 0;
    }

    private static List<(VectorRow, float[][])> Synthetic(float[][] real, int count)
    {
        var random = new Random(42);
        var rows = new List<(VectorRow, float[][])>(count);
        var none = new HashSet<string>();
        for (var i = 0; i < count; i++)
        {
            var a = real[random.Next(real.Length)];
            var b = real[random.Next(real.Length)];
            var mix = (float)random.NextDouble();
            var vector = new float[SentenceEmbedder.Dimensions];
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] = (mix * a[d]) + ((1 - mix) * b[d]) + (float)((random.NextDouble() - 0.5) * 0.02);
            }

            var norm = System.Numerics.Tensors.TensorPrimitives.Norm(vector);
            System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
            rows.Add((new VectorRow($"synthetic/{i}", i % 10 != 0, "synthetic", none, none), [vector]));
        }

        return rows;
    }

    /// <summary>The corpus vectors from a vector cache written by <c>--hybrid</c> (KB_BENCH_VECTORS).</summary>
    private static float[][] RealVectors(string directory)
    {
        using var embedder = new SentenceEmbedder(directory);
        var cache = VectorCache.Open(directory, embedder.ModelId, out var discarded);
        return discarded is null && cache.Count > 0 ? [.. cache.Vectors] : throw new InvalidOperationException($"no usable vector cache in {directory}: {discarded}");
    }
}
