namespace KbCore.Search;

/// <summary>One searched word of a query: its stem and the words and stems of its likely corrections.</summary>
/// <param name="Words">The word as typed, then its likely corrections.</param>
/// <param name="Stems">The stems of <paramref name="Words"/>, in the same order.</param>
internal sealed record QueryWord(string[] Words, string[] Stems);
