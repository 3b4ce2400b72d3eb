namespace KbCore.Content;

/// <summary>
/// The single "content changed" event: raised once whenever the published branch moves,
/// whatever moved it (web save, merge, push from outside). Caches and the index listen to it.
/// </summary>
public sealed class ContentChangedEventArgs(string? oldCommit, string newCommit, ContentSnapshot snapshot) : EventArgs
{
    /// <summary>The commit served before, or null on the first load.</summary>
    public string? OldCommit { get; } = oldCommit;

    public string NewCommit { get; } = newCommit;

    public ContentSnapshot Snapshot { get; } = snapshot;
}
