namespace KbServer.HelpCenter;

/// <summary>
/// Checks request paths before any lookup. Lookups only ever hit the in-memory snapshot, never the
/// file system, but odd paths are refused early so they answer 404 and never reach git at all.
/// </summary>
internal static class ContentPaths
{
    private const int MaxLength = 1024;

    /// <summary>The repository path a request asks for, or null when it cannot name content.</summary>
    public static string? Normalize(string? routePath)
    {
        if (string.IsNullOrEmpty(routePath) || routePath.Length > MaxLength)
        {
            return null;
        }

        // Kestrel has decoded the path except %2F (an encoded slash): decode only that, once,
        // so `..%2F` gets the same checks as `../` and nothing is decoded twice.
        var path = routePath.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase).TrimEnd('/');
        if (path.Length == 0 || path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment.StartsWith('.') || segment.Any(char.IsControl))
            {
                return null;
            }
        }

        return path;
    }
}
