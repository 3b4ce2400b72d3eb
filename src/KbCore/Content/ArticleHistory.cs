namespace KbCore.Content;

/// <summary>What git says about one article: when it last changed and who wrote it, most recent first.</summary>
/// <param name="FirstPublished">
/// The oldest commit that touched the file (following renames) among the ones read, which is the first publication
/// unless the file has more history than <see cref="ContentRepository.GetHistory"/> reads.
/// </param>
public sealed record ArticleHistory(DateTimeOffset? LastUpdated, IReadOnlyList<string> Contributors, DateTimeOffset? FirstPublished = null)
{
    public static ArticleHistory Unknown { get; } = new(null, []);
}
