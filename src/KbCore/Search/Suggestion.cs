namespace KbCore.Search;

/// <summary>A suggested article, with why: <c>category</c> (linked to the ticket's category) and/or <c>text</c> (matches the ticket).</summary>
public sealed record Suggestion(string Path, string Title, string Snippet, double Score, IReadOnlyList<string> Why);
