using System.Security.Cryptography;
using System.Text;
using KbCore.Articles;

namespace KbCore.Search.Semantic;

/// <summary>
/// What of an article its vectors stand for. Every recipe starts with the title, the summary and the lead of the
/// body as a reader sees them (no markup): offline, title and summary alone scored MRR@10 0.846 dense on the judged
/// set, with the first 150 words 0.886. Some recipes add more vectors per article, scored by the best of them
/// (max-pooling); docs/benchmarks.md has what each scored.
/// </summary>
internal static class EmbeddingText
{
    public const string Lead = "lead150";
    public const string LeadAndShort = "lead150+short";
    public const string LeadAndChunks = "lead150+chunks";

    public const int ChunkWords = 150;
    private const int MaxChunks = 3;

    public static bool IsKnown(string recipe) => recipe is Lead or LeadAndShort or LeadAndChunks;

    public static IReadOnlyList<string> Of(Article article, string recipe)
    {
        var (body, _) = ArticleText.Extract(article);
        var words = body.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries);
        var head = new StringBuilder(article.Title);
        if (!string.IsNullOrWhiteSpace(article.Metadata.Summary))
        {
            head.Append(". ").Append(article.Metadata.Summary.Trim());
        }

        var texts = new List<string> { Join(head.ToString(), words.Take(ChunkWords)) };
        switch (recipe)
        {
            case LeadAndShort:
                texts.Add(head.ToString());
                break;
            case LeadAndChunks:
                for (var chunk = 1; chunk < MaxChunks && chunk * ChunkWords < words.Length; chunk++)
                {
                    texts.Add(Join(article.Title, words.Skip(chunk * ChunkWords).Take(ChunkWords)));
                }

                break;
        }

        return texts;
    }

    /// <summary>The cache key of <paramref name="text"/> embedded by <paramref name="modelId"/>.</summary>
    public static TextHash Hash(string modelId, string text) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(modelId + "\n" + text)));

    private static string Join(string head, IEnumerable<string> words)
    {
        var text = new StringBuilder(head);
        var first = true;
        foreach (var word in words)
        {
            text.Append(first ? ". " : " ").Append(word);
            first = false;
        }

        return text.ToString();
    }
}
