namespace KbServer.Tests.Infrastructure;

public static class PathExtensions
{
    /// <summary>Creates the folder of a file path and returns the path.</summary>
    public static string EnsureDirectory(this string filePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(filePath)!);
        return filePath;
    }

    /// <summary>Copies every file below <paramref name="from"/> into <paramref name="to"/>.</summary>
    public static void CopyTreeTo(this string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
