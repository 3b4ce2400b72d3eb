namespace KbCore.Tests.Infrastructure;

/// <summary>A fresh folder under the system temp directory, deleted on dispose (read-only git pack files included).</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "kbcore")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Full path of forward-slash relative path parts inside the folder.</summary>
    public string Combine(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return System.IO.Path.Combine([Path, .. parts.SelectMany(p => p.Split('/'))]);
    }

    /// <summary>Writes files given as forward-slash relative paths and their text (UTF-8, no BOM).</summary>
    public TempDirectory WriteFiles(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var (relative, text) in files)
        {
            var full = Combine(relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        return this;
    }

    public void Dispose() => DeleteTree(Path);

    /// <summary>Deletes a folder even when git left read-only files in it.</summary>
    internal static void DeleteTree(string path)
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A server still shutting down may hold a file for a moment; the OS cleans temp eventually.
        }
    }
}
