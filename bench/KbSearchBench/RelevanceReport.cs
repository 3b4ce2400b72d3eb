using KbCore.Search;

namespace KbSearchBench;

/// <summary>Prints the relevance figures of one configuration of our search against the plain Lucene baseline.</summary>
internal sealed class RelevanceReport(ArticleSearcher searcher, PlainLuceneBaseline baseline)
{
    private IReadOnlyList<string> Ours(string question) => searcher.Search(new SearchRequest(question)).Hits.Select(h => h.Path).ToArray();

    public void Judged(IReadOnlyList<(string Question, HashSet<string> Relevant)> judged, string label)
    {
        var ours = Relevance.Score(judged, Ours);
        var plain = Relevance.Score(judged, q => baseline.Search(q, 10));
        Console.WriteLine($"judged set ({label}): {judged.Count} questions");
        Console.WriteLine($"  ours:         MRR@10 {ours.Mrr:F3}, recall@10 {ours.Recall:F3}, not in top 10: {ours.Misses}");
        Console.WriteLine($"  plain Lucene: MRR@10 {plain.Mrr:F3}, recall@10 {plain.Recall:F3}, not in top 10: {plain.Misses}");
        Console.WriteLine($"  ratio MRR ours/plain: {ours.Mrr / plain.Mrr:F3}");

        // Generalization check: the same scores on the odd and the even lines of the judged set separately, so a
        // change tuned on the whole set can be seen to help both halves (or only one).
        foreach (var (name, half) in new[] { ("odd lines", judged.Where((_, i) => i % 2 == 0).ToArray()), ("even lines", judged.Where((_, i) => i % 2 == 1).ToArray()) })
        {
            var oursHalf = Relevance.Score(half, Ours);
            var plainHalf = Relevance.Score(half, q => baseline.Search(q, 10));
            Console.WriteLine($"  {name} ({half.Length}): ours MRR@10 {oursHalf.Mrr:F3} / recall@10 {oursHalf.Recall:F3}, plain {plainHalf.Mrr:F3} / {plainHalf.Recall:F3}, ratio {oursHalf.Mrr / plainHalf.Mrr:F2}");
        }

        // KB_BENCH_DETAIL=<file>: per-question ranks of the first relevant article (0 = not in the top 10), ours and plain.
        if (Environment.GetEnvironmentVariable("KB_BENCH_DETAIL") is { Length: > 0 } detail)
        {
            var ourRanks = Relevance.Ranks(judged, Ours);
            var plainRanks = Relevance.Ranks(judged, q => baseline.Search(q, 10));
            File.WriteAllLines($"{detail}.{label}", judged.Select((j, i) => $"{ourRanks[i]}\t{plainRanks[i]}\t{j.Question}\t{string.Join('|', Ours(j.Question).Take(3))}"));
        }

        // KB_BENCH_TOP50=<file>: our top 50 with scores per question, to try rescoring or fusion ideas offline.
        if (Environment.GetEnvironmentVariable("KB_BENCH_TOP50") is { Length: > 0 } top50)
        {
            File.WriteAllLines($"{top50}.{label}", judged.Select(j =>
                $"{j.Question}\t{string.Join('|', searcher.Search(new SearchRequest(j.Question, PageSize: 50)).Hits.Select(h => h.Path + "=" + h.Score.ToString(System.Globalization.CultureInfo.InvariantCulture)))}"));
        }

        // KB_BENCH_POOL=<file>: the top 5 of ours and of plain Lucene per question, for pooled relevance assessment
        // (judging every article either system puts near the top, not only the ones found when the set was written).
        if (Environment.GetEnvironmentVariable("KB_BENCH_POOL") is { Length: > 0 } pool)
        {
            File.WriteAllLines($"{pool}.{label}", judged.Select(j =>
                $"{j.Question}\t{string.Join('|', Ours(j.Question).Take(5))}\t{string.Join('|', baseline.Search(j.Question, 5))}"));
        }
    }

    /// <summary>Misspelled queries of queries.txt with their intended articles, counted in the top 3.</summary>
    public void Misspelled(IReadOnlyList<(string Question, HashSet<string> Relevant)> misspelled, string label)
    {
        var ourTop3 = Relevance.Ranks(misspelled, Ours, depth: 3);
        var plainTop3 = Relevance.Ranks(misspelled, q => baseline.Search(q, 3), depth: 3);
        Console.WriteLine($"misspelled queries ({label}): {misspelled.Count}, intended article in the top 3: ours {ourTop3.Count(r => r > 0)}, plain Lucene {plainTop3.Count(r => r > 0)}");
        for (var i = 0; i < misspelled.Count; i++)
        {
            if (ourTop3[i] == 0)
            {
                Console.WriteLine($"  not in our top 3: {misspelled[i].Question} (plain: {(plainTop3[i] > 0 ? "top 3" : "no")})");
            }
        }
    }

    public static void ZeroResults(ArticleSearcher searcher, string[] queries, string label)
    {
        var zero = queries.Where(q => searcher.Search(new SearchRequest(q)).Total == 0).ToArray();
        Console.WriteLine($"zero-result queries ({label}): {zero.Length}/{queries.Length} ({100.0 * zero.Length / queries.Length:F1} %) {string.Join(" | ", zero.Take(10))}");
    }
}
