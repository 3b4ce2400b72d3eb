namespace KbCore.Accounts;

/// <summary>The team's roles. Every account has exactly one.</summary>
public static class KbRoles
{
    public const string Author = "Author";
    public const string Reviewer = "Reviewer";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Author, Reviewer, Admin];

    /// <summary>Accepts any casing (<c>admin</c> on a command line); null when the name is not a role.</summary>
    public static string? Parse(string? name) =>
        All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
