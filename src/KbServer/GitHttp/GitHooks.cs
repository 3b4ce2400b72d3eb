namespace KbServer.GitHttp;

/// <summary>
/// The hooks pushes run under, kept in the server's data directory (not in the repository: a configured repository
/// is not ours to modify) and passed to git with <c>core.hooksPath</c>.
/// </summary>
internal static class GitHooks
{
    private const string PreReceive = """
        #!/bin/sh
        # Written by the KnowledgeBase server at start; changes here are overwritten.
        # The published branch only moves forward: its history is what customers saw and records every approval.
        zero=0000000000000000000000000000000000000000
        while read old new ref; do
          # Git's own list of updates is authoritative: the server checked the same, this catches anything it missed.
          case "$ref" in
            refs/heads/*) ;;
            *) echo "KnowledgeBase: only branches can be pushed, not $ref." >&2; exit 1 ;;
          esac
          if [ "$ref" = "refs/heads/$KB_BRANCH" ] && [ "$KB_MAY_PUBLISH" != "1" ]; then
            echo "KnowledgeBase: $KB_BRANCH needs review under this repository's policy: push a branch instead." >&2
            exit 1
          fi
          if [ "$ref" = "refs/heads/$KB_BRANCH" ] && [ "$old" != "$zero" ] && [ "$new" != "$zero" ]; then
            if ! git merge-base --is-ancestor "$old" "$new"; then
              echo "KnowledgeBase: $KB_BRANCH cannot be force-pushed: its history is what customers saw and records every approval." >&2
              echo "KnowledgeBase: fetch, merge or rebase onto origin/$KB_BRANCH, and push again." >&2
              exit 1
            fi
          fi
        done
        exit 0

        """;

    /// <summary>Writes the hooks and returns their folder.</summary>
    public static string Install(string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, "git-hooks");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "pre-receive");
        File.WriteAllText(file, PreReceive.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        }

        return folder;
    }
}
