namespace KbCore.Search;

/// <summary>A synonym as the index holds it: its stems and their positions (stop words leave gaps, as in the index).</summary>
internal sealed record SynonymPhrase(string[] Stems, int[] Positions);
