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
}
