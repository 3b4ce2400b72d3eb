using System.Diagnostics;
using KbCore.Search;

namespace KbSearchBench;

/// <summary>In-process query latency over the queries, five rounds each: every query computed, then from the answer cache.</summary>
internal static class Latency
{
    public static void Print(ArticleSearcher searcher, string[] queries, string label)
    {
        // One untimed pass: compiled code warm, and the answer cache filled for the repeated rounds.
        foreach (var q in queries)
        {
            searcher.Search(new SearchRequest(q));
        }

        foreach (var useCache in new[] { false, true })
        {
            var times = new List<double>();
            for (var round = 0; round < 5; round++)
            {
                foreach (var q in queries)
                {
                    var watch = Stopwatch.StartNew();
                    searcher.Search(new SearchRequest(q), useCache);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            Console.WriteLine($"in-process query ({(useCache ? "repeated, answer cache" : "uncached")}, {label}): p50 {times[times.Count / 2]:F3} ms, p95 {times[(int)(times.Count * 0.95)]:F3} ms, p99 {times[(int)(times.Count * 0.99)]:F3} ms over {times.Count}");
        }
    }
}
