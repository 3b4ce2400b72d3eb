namespace KbServer.Hosting;

/// <summary>
/// Resolves the folders the server needs from configuration, with defaults that work from a checkout
/// (<c>dotnet run --project src/KbServer</c> from the repository root) and from a published image.
/// </summary>
internal static class KbPaths
{
    public static string DataDirectory(IConfiguration config, string contentRoot) =>
        Path.GetFullPath(config["DataDirectory"] is { Length: > 0 } d ? d : "./data", contentRoot);

    /// <summary>A configured folder, else <paramref name="name"/> in the content root, else beside a parent of the binaries.</summary>
    public static string? FindShipped(string? configured, string name, string contentRoot)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        var candidate = Path.Combine(contentRoot, name);
        if (Directory.Exists(candidate))
        {
            return candidate;
        }

        // Published: copied beside the binaries. From a checkout: at the root that holds the solution.
        candidate = Path.Combine(AppContext.BaseDirectory, name);
        if (Directory.Exists(candidate))
        {
            return candidate;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeBase.sln")))
            {
                candidate = Path.Combine(dir.FullName, name);
                return Directory.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}
