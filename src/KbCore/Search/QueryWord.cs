namespace KbCore.Search;

/// <summary>One searched word of a query: its stem, the words and stems of its likely corrections, and its synonyms.</summary>
/// <param name="Words">The word as typed, then its likely corrections.</param>
/// <param name="Stems">The stems of <paramref name="Words"/>, in the same order.</param>
/// <param name="Synonyms">What the team's synonyms say the word (or the term it is part of) is also called.</param>
internal sealed record QueryWord(string[] Words, string[] Stems, SynonymPhrase[] Synonyms);
