namespace KbCore.Reviews;

/// <summary>A file a change request changes, against the point where its branch left the published branch.</summary>
public sealed record ChangedFile(string Path, string Status, string? OldPath);
