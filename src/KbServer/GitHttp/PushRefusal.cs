namespace KbServer.GitHttp;

/// <summary>
/// Answers a push that is refused before git runs, in receive-pack's own report format, so the git client prints
/// "! [remote rejected] branch -> branch (reason)" and, with side-band, the explanation as "remote: ..." lines.
/// </summary>
internal static class PushRefusal
{
    public static async Task WriteAsync(HttpResponse response, IReadOnlyList<PushCommand> commands, IReadOnlyDictionary<string, string> reasons, ISet<string> capabilities, string explanation)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/x-git-receive-pack-result";
        response.Headers.CacheControl = "no-cache";
        var sideband = capabilities.Contains("side-band-64k") || capabilities.Contains("side-band");
        using var report = new MemoryStream();
        report.Write(PktLine.Encode("unpack ok\n"));
        foreach (var command in commands)
        {
            report.Write(PktLine.Encode(reasons.TryGetValue(command.Ref, out var reason) ? $"ng {command.Ref} {reason}\n" : $"ng {command.Ref} refused with the other refs of this push\n"));
        }

        report.Write(PktLine.Flush);
        var body = response.Body;
        if (!sideband)
        {
            await body.WriteAsync(report.ToArray()).ConfigureAwait(false);
            return;
        }

        foreach (var line in explanation.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            await body.WriteAsync(PktLine.Progress("KnowledgeBase: " + line)).ConfigureAwait(false);
        }

        var bytes = report.ToArray();
        for (var offset = 0; offset < bytes.Length; offset += 1000)
        {
            await body.WriteAsync(PktLine.Encode([1, .. bytes.AsSpan(offset, Math.Min(1000, bytes.Length - offset))])).ConfigureAwait(false);
        }

        await body.WriteAsync(PktLine.Flush).ConfigureAwait(false);
    }
}
