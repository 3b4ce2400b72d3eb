namespace KbCore.Rendering;

/// <summary>An article whose render outlived its budget and runs on: served as plain text meanwhile.</summary>
public sealed record AbandonedRender(string Path, string FilePath, string BlobSha, string Reason);
