namespace KbCore.Search;

/// <summary>Why a result was found: it contains the question's words, it means what the question asks, or both.</summary>
[Flags]
public enum HitMatch
{
    None = 0,
    Words = 1,
    Meaning = 2,
    Both = Words | Meaning,
}
