using System.Text;

namespace KbServer.GitHttp;

/// <summary>
/// Branches already in the repository that a push would be refused today (made before these rules, or with git on
/// the server itself): names git reads as other refs, commit ids or special refs, and case or accent twins. The
/// published branch is never among them; of twins, the published branch or else the first in ordinal order stays.
/// </summary>
internal static class RefAudit
{
    /// <summary>One ref to remove, where it points (to restore it with <c>git update-ref</c>) and why.</summary>
    internal sealed record Finding(string Ref, string Sha, string Reason);

    public static IReadOnlyList<Finding> Find(string repositoryPath, string publishedBranch)
    {
        var published = BranchNames.Prefix + publishedBranch;
        var (_, output) = new BoundedGit(repositoryPath, new Dictionary<string, string>()).Run(null, "for-each-ref", "--format=%(objectname) %(refname)", BranchNames.Prefix);
        var refs = Encoding.UTF8.GetString(output).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', 2)).Where(p => p.Length == 2)
            .OrderBy(p => p[1] == published ? 0 : 1).ThenBy(p => p[1], StringComparer.Ordinal).ToList();
        var kept = new List<string>();
        var findings = new List<Finding>();
        foreach (var (sha, reference) in refs.Select(p => (p[0], p[1])))
        {
            var reason = reference == published ? null : BranchNames.Validate(reference) ?? BranchNames.Collision(reference, kept);
            if (reason is null)
            {
                kept.Add(reference);
            }
            else
            {
                findings.Add(new Finding(reference, sha, reason));
            }
        }

        return findings;
    }
}
