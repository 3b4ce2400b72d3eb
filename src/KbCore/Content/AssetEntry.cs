namespace KbCore.Content;

/// <summary>A non-markdown file of the content tree (image, attachment), served from its git blob.</summary>
public sealed record AssetEntry(string Path, string BlobSha, long Size);
