namespace KbSearchBench;

/// <summary>MRR@10 and recall@10 over a judged set: question → the articles that answer it.</summary>
internal static class Relevance
{
    public static IReadOnlyList<(string Question, HashSet<string> Relevant)> Load(string path) =>
        File.ReadAllLines(path)
            .Skip(1)
            .Where(l => l.Contains('\t', StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], p[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)))
            .ToArray();

    public static (double Mrr, double Recall, int Misses) Score(IReadOnlyList<(string Question, HashSet<string> Relevant)> judged, Func<string, IReadOnlyList<string>> search)
    {
        double mrr = 0, recall = 0;
        var misses = 0;
        foreach (var (question, relevant) in judged)
        {
            var results = search(question).Take(10).ToArray();
            var rank = Array.FindIndex(results, relevant.Contains);
            mrr += rank >= 0 ? 1.0 / (rank + 1) : 0;
            misses += rank < 0 ? 1 : 0;
            recall += (double)results.Count(relevant.Contains) / relevant.Count;
        }

        return (mrr / judged.Count, recall / judged.Count, misses);
    }

    /// <summary>Per question: the 1-based rank of the first relevant article in the top <paramref name="depth"/>, or 0 when none.</summary>
    public static int[] Ranks(IReadOnlyList<(string Question, HashSet<string> Relevant)> judged, Func<string, IReadOnlyList<string>> search, int depth = 10) =>
        judged.Select(j => Array.FindIndex(search(j.Question).Take(depth).ToArray(), j.Relevant.Contains) + 1).ToArray();
}
