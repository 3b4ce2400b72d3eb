namespace KbCore.Search;

/// <summary>A synonym line at work in a search: the term found in the question and what it also finds.</summary>
public sealed record SynonymUse(string Term, IReadOnlyList<string> AlsoFinds, int Line);
