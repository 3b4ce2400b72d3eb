namespace KbCore.Search;

/// <summary>
/// Words of how customers phrase a question rather than of what it is about: pronouns, auxiliaries and
/// question words (the pronoun, auxiliary and wh- part of the Snowball English stop list). The index keeps them;
/// only the query drops them, so an article titled "... on my phone" does not win every "my ..." question.
/// </summary>
internal static class QueryStopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "i", "me", "my", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours", "yourself",
        "he", "him", "his", "she", "her", "hers", "it", "its", "itself", "they", "them", "their", "theirs",
        "i'm", "i've", "i'd", "i'll", "we're", "we've", "you're", "it's", "they're",
        "what", "which", "who", "whom", "whose", "why", "how", "when", "where",
        "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having",
        "do", "does", "did", "doing", "would", "should", "could", "can", "may", "might", "must", "shall", "will",
        "a", "an", "the", "and", "or", "but", "if", "so", "than", "too", "very", "just",
        "this", "that", "these", "those", "there", "here", "some", "any", "all",
    };

    public static bool Contains(string word) => Words.Contains(word);
}
