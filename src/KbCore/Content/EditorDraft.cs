namespace KbCore.Content;

/// <summary>
/// An unsaved editor state, kept on the server so a closed tab or an expired session loses nothing. One per
/// person and article (<see cref="Path"/> is empty for a new article); removed when the article is saved.
/// </summary>
public sealed class EditorDraft
{
    public long Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string Path { get; set; } = string.Empty;

    /// <summary>The revision the draft was written against, so a restored draft still merges correctly.</summary>
    public string? BaseRevision { get; set; }

    /// <summary>The editor's fields as JSON.</summary>
    public string FormJson { get; set; } = string.Empty;

    public DateTime UpdatedAt { get; set; }
}
