using System.Globalization;

namespace KbCore.Themes;

/// <summary>
/// A short token that changes when any file of the active theme (or of <c>default</c>, its fallback) changes
/// on disk, so page ETags and caches follow theme edits without a restart. Re-scanned at most every two seconds.
/// </summary>
internal sealed class ThemeVersion(ThemeFiles files, string theme)
{
    private static readonly TimeSpan RescanAfter = TimeSpan.FromSeconds(2);

    private readonly Lock _lock = new();
    private string _value = string.Empty;
    private DateTime _scannedAt = DateTime.MinValue;

    public string Value
    {
        get
        {
            lock (_lock)
            {
                if (DateTime.UtcNow - _scannedAt > RescanAfter)
                {
                    _value = Scan();
                    _scannedAt = DateTime.UtcNow;
                }

                return _value;
            }
        }
    }

    private string Scan()
    {
        long newest = 0;
        var count = 0;
        foreach (var name in new[] { theme, ThemeOptions.DefaultTheme }.Distinct(StringComparer.Ordinal))
        {
            var dir = Path.Combine(files.Root, name);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            {
                newest = Math.Max(newest, File.GetLastWriteTimeUtc(file).Ticks);
                count++;
            }
        }

        return (newest ^ count).ToString("x", CultureInfo.InvariantCulture)[^6..];
    }
}
