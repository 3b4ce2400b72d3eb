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
        zero=0000000000000000000000000000000000000000
        dir="$KB_PUSH_DIR"
        if [ -z "$dir" ] || [ ! -d "$dir" ]; then
          echo "KnowledgeBase: pushes are checked by the server; push through its /content.git address." >&2
          exit 1
        fi
        cat > "$dir/updates"
        while read old new ref; do
          # The published branch only moves forward: its history is what customers saw and records every approval.
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
        done < "$dir/updates"

        # Git's own list of updates and the received objects (still in quarantine) go to the server, which checks ref
        # names, history and every pushed file, and renames its verdict into place: first line "ok", or the reasons.
        printf '%s\n%s\n%s\n' "$GIT_OBJECT_DIRECTORY" "$GIT_ALTERNATE_OBJECT_DIRECTORIES" "$GIT_QUARANTINE_PATH" > "$dir/request.tmp"
        mv "$dir/request.tmp" "$dir/request"
        if sleep 0.05 2>/dev/null; then tick=0.05; ticks=12000; else tick=1; ticks=600; fi
        while [ ! -f "$dir/verdict" ]; do
          ticks=$((ticks - 1))
          # The server removes the folder when the request ends (the pusher went away): nobody is left to answer.
          if [ "$ticks" -le 0 ] || [ ! -d "$dir" ]; then
            echo "KnowledgeBase: the server did not finish checking this push; try again." >&2
            exit 1
          fi
          sleep "$tick"
        done
        if [ "$(head -n 1 "$dir/verdict")" = "ok" ]; then
          exit 0
        fi
        tail -n +2 "$dir/verdict" | sed 's/^/KnowledgeBase: /' >&2
        exit 1

        """;

    /// <summary>Writes the hooks and returns their folder.</summary>
    public static string Install(string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, "git-hooks");
        Directory.CreateDirectory(folder);

        // Left over from pushes under way when the server last stopped; no hook is waiting on them any more.
        var pushes = new GitHookFolder(folder).PushesPath;
        if (Directory.Exists(pushes))
        {
            Directory.Delete(pushes, recursive: true);
        }

        var file = Path.Combine(folder, "pre-receive");
        File.WriteAllText(file, PreReceive.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        }

        return folder;
    }
}
