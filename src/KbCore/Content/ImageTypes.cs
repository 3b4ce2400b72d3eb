namespace KbCore.Content;

/// <summary>
/// Images authors may upload, recognised by their first bytes, never by the name or the declared type: HTML
/// renamed to .png is not an image. SVG is refused outright: it is a document that can carry scripts.
/// </summary>
public static class ImageTypes
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The file extension for the content, or null when it is not a PNG, JPEG, GIF or WebP image.</summary>
    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "png";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "jpg";
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "gif";
        }

        return head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8) ? "webp" : null;
    }

    public static string ContentType(string extension) => extension switch
    {
        "png" => "image/png",
        "jpg" => "image/jpeg",
        "gif" => "image/gif",
        _ => "image/webp",
    };
}
