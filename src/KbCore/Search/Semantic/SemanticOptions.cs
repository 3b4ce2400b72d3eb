namespace KbCore.Search.Semantic;

/// <summary>Semantic ranking (section <c>Search:Semantic</c>); the server sets <see cref="CacheDirectory"/> to <c>{DataDirectory}/vectors</c>.</summary>
public sealed class SemanticOptions
{
    public const string Section = "Search:Semantic";

    /// <summary>Off: search is lexical only, and the model is never loaded (about 250 MB less memory).</summary>
    public bool Enabled { get; set; } = true;

    public string? CacheDirectory { get; set; }

    /// <summary>
    /// Threads one encoding uses. One leaves the other core of a small machine to serve searches while the corpus is
    /// embedded; a short query encodes in about 4 ms either way.
    /// </summary>
    public int Threads { get; set; } = 1;

    /// <summary>What is embedded per article (see <c>EmbeddingText</c>); a setting so that benchmarks can compare recipes.</summary>
    public string Recipe { get; set; } = "lead150";
}
