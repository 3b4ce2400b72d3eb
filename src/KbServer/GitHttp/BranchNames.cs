namespace KbServer.GitHttp;

/// <summary>
/// Which refs a push may touch: branches only, with names git itself would accept and nothing that could be read
/// as an option or a revision expression. Checked in C#, before the push reaches any git process.
/// </summary>
internal static class BranchNames
{
    public const string Prefix = "refs/heads/";
    public const int MaxLength = 200;

    /// <summary>Null when the ref may be pushed; otherwise why not.</summary>
    public static string? Validate(string reference)
    {
        if (!reference.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return "only branches (refs/heads/...) can be pushed";
        }

        var name = reference[Prefix.Length..];
        if (name.Length == 0 || name.Length > MaxLength)
        {
            return $"branch names must have 1 to {MaxLength} characters";
        }

        if (name.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return "branch names cannot contain spaces or control characters";
        }

        if (name.Contains("..", StringComparison.Ordinal) || name.Contains("@{", StringComparison.Ordinal) || name == "@" ||
            name.IndexOfAny(['~', '^', ':', '?', '*', '[', '\\']) >= 0)
        {
            return "branch names cannot contain `..`, `@{`, or any of ~ ^ : ? * [ \\";
        }

        foreach (var part in name.Split('/'))
        {
            if (part.Length == 0 || part.StartsWith('.') || part.StartsWith('-') || part.EndsWith(".lock", StringComparison.Ordinal))
            {
                return "each part of a branch name must be non-empty and cannot start with `.` or `-` or end with `.lock`";
            }
        }

        return name.EndsWith('.') ? "branch names cannot end with `.`" : null;
    }
}
