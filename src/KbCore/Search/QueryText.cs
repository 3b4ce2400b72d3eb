namespace KbCore.Search;

/// <summary>Query text as searches and reports compare it: trimmed, single-spaced, lower case.</summary>
public static class QueryText
{
    public static string Normalize(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return string.Join(' ', query.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }
}
