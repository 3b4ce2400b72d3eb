using System.Diagnostics;

namespace KbCore.Content;

/// <summary>
/// Moves a branch with <c>git update-ref &lt;new&gt; &lt;old&gt;</c>: a compare-and-swap under git's own ref lock,
/// which LibGit2Sharp lacks. Pushes take the same lock, so a push and a studio save can never both "win".
/// </summary>
internal static class GitRefs
{
    private const string NoCommit = "0000000000000000000000000000000000000000";

    /// <exception cref="BranchMovedException">The branch is no longer at <paramref name="expectedSha"/>.</exception>
    public static void CompareAndSwap(string gitDirectory, string reference, string newSha, string? expectedSha, string message)
    {
        var psi = new ProcessStartInfo("git") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "--git-dir", gitDirectory, "update-ref", "-m", message.Length > 200 ? message[..200] : message, reference, newSha, expectedSha ?? NoCommit })
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("git could not be started");
        var stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new BranchMovedException($"{reference} moved: {stderr.Trim()}");
        }
    }
}
