using System.Buffers.Binary;
using System.Text;

namespace KbCore.Tests.Infrastructure;

/// <summary>
/// Lists the pieces of an image file for assertions, written apart from the product's parsers so a test does not
/// check the code with itself.
/// </summary>
public static class ImageStructure
{
    /// <summary>PNG chunk types in file order.</summary>
    public static List<string> PngChunks(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        var types = new List<string>();
        for (var at = 8; at + 8 <= png.Length; at += 12 + (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at)))
        {
            types.Add(Encoding.ASCII.GetString(png, at + 4, 4));
        }

        return types;
    }

    /// <summary>JPEG marker segments up to and including the first SOS, each with its payload.</summary>
    public static List<(byte Marker, byte[] Payload)> JpegSegments(byte[] jpeg)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        var segments = new List<(byte, byte[])>();
        for (var at = 2; at + 4 <= jpeg.Length;)
        {
            var marker = jpeg[at + 1];
            var length = (jpeg[at + 2] << 8) | jpeg[at + 3];
            segments.Add((marker, jpeg[(at + 4)..(at + 2 + length)]));
            if (marker == 0xDA)
            {
                break;
            }

            at += 2 + length;
        }

        return segments;
    }

    /// <summary>GIF extensions in file order: label, and the first sub-block as text (an application's identifier).</summary>
    public static List<(byte Label, string First)> GifExtensions(byte[] gif)
    {
        ArgumentNullException.ThrowIfNull(gif);
        var extensions = new List<(byte, string)>();
        var at = 13 + ((gif[10] & 0x80) == 0 ? 0 : 3 << ((gif[10] & 7) + 1));
        while (gif[at] != 0x3B)
        {
            if (gif[at] == 0x21)
            {
                extensions.Add((gif[at + 1], Encoding.ASCII.GetString(gif, at + 3, gif[at + 2])));
                at += 2;
            }
            else
            {
                at += 10 + ((gif[at + 9] & 0x80) == 0 ? 0 : 3 << ((gif[at + 9] & 7) + 1)) + 1;
            }

            while (gif[at] != 0)
            {
                at += 1 + gif[at];
            }

            at++;
        }

        return extensions;
    }

    /// <summary>Top-level RIFF chunks of a WebP: FourCC and body.</summary>
    public static List<(string Type, byte[] Body)> WebPChunks(byte[] webp)
    {
        ArgumentNullException.ThrowIfNull(webp);
        var chunks = new List<(string, byte[])>();
        for (var at = 12; at + 8 <= webp.Length;)
        {
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(at + 4));
            chunks.Add((Encoding.ASCII.GetString(webp, at, 4), webp[(at + 8)..(at + 8 + size)]));
            at += 8 + size + (size & 1);
        }

        return chunks;
    }
}
