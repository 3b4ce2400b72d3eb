namespace KbCore.Content;

/// <summary>An uploaded file to commit with an article: its repository path and the blob already in the object database.</summary>
public sealed record ArticleAttachment(string FilePath, string BlobSha);
