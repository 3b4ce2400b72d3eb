namespace KbServer.Tests.Infrastructure;

public static class PathExtensions
{
    /// <summary>Creates the folder of a file path and returns the path.</summary>
    public static string EnsureDirectory(this string filePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(filePath)!);
        return filePath;
    }
}
