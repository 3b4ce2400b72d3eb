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

    /// <summary><c>section</c> becomes <c>#kb-section</c>.</summary>
    public static string Fragment(string anchor) => "#" + Id(anchor);

    /// <summary>
    /// The one id function for element ids, table-of-contents entries and <c>#</c> links, so they always agree:
    /// the <c>kb-</c> prefix, letters (any script) and digits kept, anything else (<c>fn:1</c>'s colon) a hyphen.
    /// </summary>
    public static string Id(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var body = raw.StartsWith(IdPrefix, StringComparison.Ordinal) ? raw[IdPrefix.Length..] : raw;
        var clean = string.Create(body.Length, body, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsLetterOrDigit(text[i]) || text[i] is '-' or '_' ? text[i] : '-';
            }
        });
        return IdPrefix + clean;
    }
}
