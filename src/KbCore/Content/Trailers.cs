namespace KbCore.Content;

/// <summary>Git trailers in commit messages (<c>Key: value</c> lines), which carry approvals into history.</summary>
public static class Trailers
{
    public const string ApprovedBy = "Approved-by";

    /// <summary>The people whose commits a merge brings in, as GitHub writes them, so history credits them and not only the merger.</summary>
    public const string CoAuthoredBy = "Co-authored-by";

    /// <summary><c>Name &lt;email&gt;</c> → <c>Name</c>.</summary>
    public static string NameOf(string person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var at = person.IndexOf('<', StringComparison.Ordinal);
        return at > 0 ? person[..at].Trim() : person.Trim();
    }

    public static IReadOnlyList<string> Values(string message, string key)
    {
        ArgumentNullException.ThrowIfNull(message);
        var prefix = key + ":";
        return message.Split('\n')
            .Where(line => line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(line => line[prefix.Length..].Trim())
            .Where(value => value.Length > 0)
            .ToList();
    }
}
