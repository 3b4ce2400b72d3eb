using System.Text;

namespace KbServer.HelpCenter;

/// <summary>
/// Content types for files served from git, decided from their first bytes rather than their names,
/// so a file named <c>.png</c> that holds HTML is never served as something a browser would run.
/// </summary>
internal static class BlobContentTypes
{
    public const string Binary = "application/octet-stream";

    public static string Detect(ReadOnlySpan<byte> bytes, string fileName)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        if (bytes.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (bytes.StartsWith("PK\x03\x04"u8))
        {
            return "application/zip";
        }

        if (LooksLikeSvg(bytes))
        {
            return "image/svg+xml";
        }

        // Plain text only for text-like names and bytes that decode as UTF-8 without control characters.
        if (IsTextName(fileName) && IsPlainText(bytes))
        {
            return "text/plain; charset=utf-8";
        }

        return Binary;
    }

    private static bool LooksLikeSvg(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 512)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith("<svg", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && head.Contains("<svg", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsTextName(string name) =>
        Path.GetExtension(name).ToLowerInvariant() is ".txt" or ".csv" or ".log" or ".json" or ".yml" or ".yaml";

    private static bool IsPlainText(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes[..Math.Min(bytes.Length, 8192)])
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20))
            {
                return false;
            }
        }

        return true;
    }
}
