using System.Text;

namespace KbServer.GitHttp;

/// <summary>
/// The server's end of the pre-receive hook's question, for one push. The pack only exists once git has received it,
/// so the hook (run by git while http-backend runs) writes the ref updates and its object variables into this push's
/// folder (<c>KB_PUSH_DIR</c>) and waits; the server judges the quarantined objects with
/// <see cref="PushInspection"/> and renames its verdict into place, which the hook prints and obeys.
/// </summary>
internal sealed class PushVerdicts : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private readonly string _repositoryPath;
    private readonly string _publishedRef;
    private readonly long _maxImagePixels;
    private readonly ILogger _logger;

    /// <param name="maxImagePixels">The pixel cap pushed images are held to (<c>Content:MaxImagePixels</c>).</param>
    public PushVerdicts(string root, string repositoryPath, string publishedRef, long maxImagePixels, ILogger logger)
    {
        _maxImagePixels = maxImagePixels;
        Folder = Path.Combine(root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        _repositoryPath = repositoryPath;
        _publishedRef = publishedRef;
        _logger = logger;
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The folder the hook finds in <c>KB_PUSH_DIR</c>.</summary>
    public string Folder { get; }

    private async Task ServeAsync()
    {
        var request = Path.Combine(Folder, "request");
        try
        {
            while (!File.Exists(request))
            {
                await Task.Delay(20, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // git finished without running the hook (nothing to receive, or it refused the push itself).
            return;
        }

        IReadOnlyList<string> reasons;
        try
        {
            reasons = Judge(request);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The hook waits for an answer: whatever went wrong, it gets one.
            _logger.LogError(e, "Checking a push failed");
            reasons = ["the server could not check this push; try again, and tell an administrator if it keeps failing"];
        }

        var verdict = new StringBuilder(reasons.Count == 0 ? "ok\n" : "refuse\n");
        foreach (var reason in reasons.Take(50))
        {
            // One reason per line, whatever a hostile path holds.
            verdict.Append(string.Concat(reason.Select(c => char.IsControl(c) ? '?' : c))).Append('\n');
        }

        if (reasons.Count > 50)
        {
            verdict.Append(System.Globalization.CultureInfo.InvariantCulture, $"... and {reasons.Count - 50} more\n");
        }

        var temporary = Path.Combine(Folder, "verdict.tmp");
        await File.WriteAllTextAsync(temporary, verdict.ToString(), CancellationToken.None).ConfigureAwait(false);
        File.Move(temporary, Path.Combine(Folder, "verdict"));
    }

    private IReadOnlyList<string> Judge(string request)
    {
        // The hook's object variables, one a line, then git's list of updates: "old new ref".
        var variables = File.ReadAllLines(request);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] names = ["GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_QUARANTINE_PATH"];
        for (var i = 0; i < names.Length && i < variables.Length; i++)
        {
            if (variables[i].Length > 0)
            {
                environment[names[i]] = variables[i];
            }
        }

        var updates = File.ReadAllLines(Path.Combine(Folder, "updates"), Encoding.UTF8)
            .Select(l => l.Split(' ', 3)).Where(p => p.Length == 3).Select(p => new PushCommand(p[0], p[1], p[2])).ToList();
        return PushInspection.Judge(new BoundedGit(_repositoryPath, environment), updates, _publishedRef, _maxImagePixels);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _serving.Wait();
        _stop.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException e)
        {
            _logger.LogWarning(e, "Could not remove {Folder}", Folder);
        }
    }
}
