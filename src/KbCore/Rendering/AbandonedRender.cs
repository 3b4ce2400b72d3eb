namespace KbCore.Rendering;

/// <summary>An article whose render outlived its budget: served as plain text until its file changes.</summary>
public sealed record AbandonedRender(string Path, string FilePath, string BlobSha, string Reason);
