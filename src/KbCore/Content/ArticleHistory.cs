namespace KbCore.Content;

/// <summary>What git says about one article: when it last changed and who wrote it, most recent first.</summary>
public sealed record ArticleHistory(DateTimeOffset? LastUpdated, IReadOnlyList<string> Contributors)
{
    public static ArticleHistory Unknown { get; } = new(null, []);
}
