namespace KbCore.Search;

/// <summary>
/// One result. <see cref="Snippet"/> is HTML: escaped text with matched words in <c>&lt;mark&gt;</c>.
/// <see cref="Match"/> says whether words, meaning or both found it.
/// </summary>
public sealed record SearchHit(string Path, string Title, string Summary, string Snippet, string Category, float Score, HitMatch Match = HitMatch.Words);
