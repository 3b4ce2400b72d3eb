namespace KbCore.Search;

/// <summary>A suggested article, with why: <c>category</c> (linked to the ticket's category), <c>text</c> (matches the ticket's words) and/or <c>meaning</c> (near it in meaning).</summary>
public sealed record Suggestion(string Path, string Title, string Snippet, double Score, IReadOnlyList<string> Why);
