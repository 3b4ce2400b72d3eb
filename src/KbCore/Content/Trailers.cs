namespace KbCore.Content;

/// <summary>Git trailers in commit messages (<c>Key: value</c> lines), which carry approvals into history.</summary>
public static class Trailers
{
    public const string ApprovedBy = "Approved-by";

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
