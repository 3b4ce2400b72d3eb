namespace KbCore.Rendering;

/// <summary>Help-center URLs for repository paths: each segment escaped, so any file name is a valid URL.</summary>
public static class HelpCenterUrls
{
    /// <summary>URL anchors carry this prefix so article ids can never clobber page globals.</summary>
    public const string IdPrefix = "kb-";

    public static string ForPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Length == 0 ? "/" : "/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
    }

    /// <summary><c>section</c> becomes <c>#kb-section</c>; an anchor already prefixed is kept.</summary>
    public static string Fragment(string anchor)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        return anchor.StartsWith(IdPrefix, StringComparison.Ordinal) ? "#" + anchor : "#" + IdPrefix + anchor;
    }
}
