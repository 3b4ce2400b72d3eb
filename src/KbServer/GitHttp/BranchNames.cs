using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KbServer.GitHttp;

/// <summary>
/// Which refs a push may touch: branches only, with names <c>git check-ref-format --branch</c> accepts and nothing
/// that git, a shell or a clone could read as something else (an option, a revision, another ref, a commit id).
/// Checked in C# before the push reaches any git process, and again on git's own list in the pre-receive hook.
/// </summary>
internal static partial class BranchNames
{
    public const string Prefix = "refs/heads/";

    /// <summary>Longest branch name, in UTF-8 bytes: well under the 255 bytes a file system allows per ref file.</summary>
    public const int MaxBytes = 200;

    /// <summary>Null when the ref may be pushed; otherwise why not.</summary>
    public static string? Validate(string reference)
    {
        if (!reference.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return "only branches (refs/heads/...) can be pushed";
        }

        var name = reference[Prefix.Length..];
        return Syntax(name) ?? Meaning(name);
    }

    /// <summary>
    /// Null unless <paramref name="reference"/> names the same ref as one of <paramref name="existing"/> (or the same
    /// folder of refs) once letter case and Unicode normalization are ignored: clones on macOS and Windows keep refs
    /// as files, where such a pair overwrites each other.
    /// </summary>
    public static string? Collision(string reference, IEnumerable<string> existing)
    {
        var mine = Prefixes(reference).ToList();
        foreach (var other in existing.Where(e => e.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            foreach (var theirs in Prefixes(other))
            {
                if (mine.FirstOrDefault(m => !string.Equals(m, theirs, StringComparison.Ordinal) && Fold(m) == Fold(theirs)) is { } clash)
                {
                    return $"`{clash}` differs from the existing `{theirs}` only by letter case or accents, which macOS and Windows treat as the same";
                }
            }
        }

        return null;
    }

    /// <summary>What <c>git check-ref-format --branch</c> refuses, plus a byte limit and invisible characters.</summary>
    private static string? Syntax(string name)
    {
        if (name.Length == 0 || Encoding.UTF8.GetByteCount(name) > MaxBytes)
        {
            return $"branch names must have 1 to {MaxBytes} bytes";
        }

        if (name.Any(Invisible))
        {
            return "branch names cannot contain spaces, control, zero-width, direction-changing or replacement characters";
        }

        if (!name.IsNormalized(NormalizationForm.FormC))
        {
            return "branch names must be in Unicode NFC (composed accents)";
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

    /// <summary>Names git accepts but reads as something other than this branch.</summary>
    private static string? Meaning(string name)
    {
        if (SpecialHead().IsMatch(name))
        {
            return $"`{name}` is a name git gives to a special ref";
        }

        if (name.StartsWith("refs/", StringComparison.Ordinal) || name.StartsWith("heads/", StringComparison.Ordinal) ||
            name.StartsWith("tags/", StringComparison.Ordinal) || name.StartsWith("remotes/", StringComparison.Ordinal))
        {
            return "a branch name cannot start with `refs/`, `heads/`, `tags/` or `remotes/`: git would match it against other refs (`git push origin HEAD:refs/heads/main` stops working)";
        }

        if (name.Length is 40 or 64 && name.All(char.IsAsciiHexDigit))
        {
            return "a branch name cannot look like a commit id";
        }

        return name.EndsWith('@') ? "branch names cannot end with `@`, which git reads as part of a revision" : null;
    }

    private static bool Invisible(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) || c == '\uFFFD' ||
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>The ref and each folder it is in: <c>refs/heads/a/b</c> gives <c>refs/heads/a</c> and <c>refs/heads/a/b</c>.</summary>
    private static IEnumerable<string> Prefixes(string reference)
    {
        for (var slash = reference.IndexOf('/', Prefix.Length); slash > 0; slash = reference.IndexOf('/', slash + 1))
        {
            yield return reference[..slash];
        }

        yield return reference;
    }

    private static string Fold(string reference) => KbCore.Content.PushedFiles.FoldKey(reference);

    [GeneratedRegex("^([A-Z]+_)*HEAD$|^AUTO_MERGE$")]
    private static partial Regex SpecialHead();
}
