namespace KbCore.Search.Semantic;

/// <summary>
/// How lexical and semantic candidates are fused (min-max normalized scores, weighted). The defaults were chosen on
/// both halves of both judged sets (docs/benchmarks.md); they are settings only so that benchmarks can vary them.
/// </summary>
public sealed record HybridOptions
{
    public static HybridOptions Default { get; } = new();

    /// <summary>Weight of the normalized lexical score; the normalized similarity weighs 1 minus this.</summary>
    public double LexicalWeight { get; init; } = 0.25;

    /// <summary>Nearest articles taken as candidates beside the best lexical ones.</summary>
    public int Candidates { get; init; } = 50;

    /// <summary>
    /// Cosine an article must reach to join the results on meaning alone: below it, a question about something the
    /// help center does not cover would still "find" its nearest articles, and zero-result reports would go quiet.
    /// </summary>
    public float MinSimilarity { get; init; } = 0.2f;

    /// <summary>
    /// How far below the nearest article another may be and still join on meaning alone. Similarities of short and
    /// long questions sit at different heights (0.27 for the best answer to "my away message", 0.6 for a full
    /// sentence), so a fixed floor alone would either drop the former's answers or let the latter drag in half the
    /// help center; relative to the best, "28 articles found" for one answer in a small help center becomes a few.
    /// </summary>
    public float SimilarityMargin { get; init; } = 0.15f;
}
