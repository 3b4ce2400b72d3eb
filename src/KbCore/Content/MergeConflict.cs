namespace KbCore.Content;

/// <summary>A file two lines of work both changed: the common version, the branch's, and the published branch's.</summary>
public sealed record MergeConflict(string Path, string? Base, string? Ours, string? Theirs);
