using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace KbCore.Tests.Infrastructure;

/// <summary>
/// Images built in the test: real ones encoded by Skia, metadata spliced into them as cameras and editors write
/// it, and hostile headers written byte by byte.
/// </summary>
public static class TestImages
{
    /// <summary>A picture that is not symmetric (red left, blue right), so a rotation or a mirror would show.</summary>
    public static SKBitmap Picture(int width, int height)
    {
        var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Blue);
        using var red = new SKPaint { Color = SKColors.Red };
        canvas.DrawRect(0, 0, width / 2f, height, red);
        return bitmap;
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality = 90)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality) ?? throw new InvalidOperationException($"Skia could not encode {format}");
        return data.ToArray();
    }

    public static byte[] Png(int width, int height)
    {
        using var picture = Picture(width, height);
        return Encode(picture, SKEncodedImageFormat.Png);
    }

    public static byte[] Jpeg(int width, int height)
    {
        using var picture = Picture(width, height);
        return Encode(picture, SKEncodedImageFormat.Jpeg);
    }

    /// <summary>A simple WebP: lossy (a VP8 chunk) or lossless (VP8L).</summary>
    public static byte[] WebP(int width, int height, bool lossless = false)
    {
        using var picture = Picture(width, height);
        using var pixels = picture.PeekPixels();
        using var data = pixels.Encode(new SKWebpEncoderOptions(lossless ? SKWebpEncoderCompression.Lossless : SKWebpEncoderCompression.Lossy, lossless ? 100 : 80))
            ?? throw new InvalidOperationException("Skia could not encode WebP");
        return data.ToArray();
    }

    /// <summary>A PNG chunk with its length and CRC.</summary>
    public static byte[] PngChunk(string type, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var chunk = new byte[12 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)body.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        body.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + body.Length), Crc32(chunk.AsSpan(4, 4 + body.Length)));
        return chunk;
    }

    /// <summary>Inserts chunks right after IHDR (where eXIf and text chunks sit in real files).</summary>
    public static byte[] WithPngChunks(byte[] png, params byte[][] chunks)
    {
        ArgumentNullException.ThrowIfNull(png);
        const int afterHeader = 8 + 12 + 13;
        return [.. png[..afterHeader], .. chunks.SelectMany(c => c), .. png[afterHeader..]];
    }

    /// <summary>A PNG whose IHDR declares <paramref name="width"/> × <paramref name="height"/>, with <paramref name="idat"/> as its image data.</summary>
    public static byte[] PngWithHeader(uint width, uint height, byte[] idat, byte bitDepth = 8, byte colourType = 2)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), height);
        header[8] = bitDepth;
        header[9] = colourType;
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        return [.. signature, .. PngChunk("IHDR", header), .. PngChunk("IDAT", idat), .. PngChunk("IEND", [])];
    }

    /// <summary>
    /// A real decompression bomb: a 1-bit greyscale PNG of <paramref name="side"/> × <paramref name="side"/> pixels,
    /// every row a filter byte and zeros, deflated. 20,000 square is 50 MB of rows in about 50 KB.
    /// </summary>
    public static byte[] PngBomb(int side)
    {
        var row = new byte[1 + ((side + 7) / 8)];
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var y = 0; y < side; y++)
            {
                zlib.Write(row);
            }
        }

        return PngWithHeader((uint)side, (uint)side, compressed.ToArray(), bitDepth: 1, colourType: 0);
    }

    /// <summary>A JPEG segment: marker and big-endian length (which counts itself).</summary>
    public static byte[] JpegSegment(byte marker, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return [0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2), .. payload];
    }

    /// <summary>Inserts segments after SOI and the JFIF APP0 that Skia writes first.</summary>
    public static byte[] WithJpegSegments(byte[] jpeg, params byte[][] segments)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        var at = 2;
        if (jpeg[3] == 0xE0)
        {
            at += 2 + ((jpeg[4] << 8) | jpeg[5]);
        }

        return [.. jpeg[..at], .. segments.SelectMany(s => s), .. jpeg[at..]];
    }

    /// <summary>The JPEG with its first frame header (SOF0/SOF2) claiming another size.</summary>
    public static byte[] JpegClaiming(byte[] jpeg, ushort width, ushort height)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        var copy = (byte[])jpeg.Clone();
        for (var i = 2; i < copy.Length - 9; i++)
        {
            if (copy[i] == 0xFF && copy[i + 1] is 0xC0 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 5), height);
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 7), width);
                return copy;
            }
        }

        throw new InvalidOperationException("no frame header");
    }

    /// <summary>
    /// An APP1 EXIF payload as a phone writes it: camera make, Orientation, and a GPS IFD with latitude and longitude.
    /// Little-endian TIFF, like most phones.
    /// </summary>
    public static byte[] ExifWithGps(ushort orientation, string make = "PhoneMaker")
    {
        var makeBytes = Encoding.ASCII.GetBytes(make + "\0");
        using var tiff = new MemoryStream();
        using var w = new BinaryWriter(tiff);
        w.Write("II"u8);
        w.Write((ushort)42);
        w.Write(8u);

        // IFD0 at 8: Make, Orientation, GPS pointer.
        const int ifd0 = 8;
        const int gpsIfd = ifd0 + 2 + (3 * 12) + 4;
        const int gpsData = gpsIfd + 2 + (4 * 12) + 4;
        var makeAt = gpsData + 48;
        w.Write((ushort)3);
        Entry(w, 0x010F, 2, (uint)makeBytes.Length, (uint)makeAt);
        Entry(w, 0x0112, 3, 1, orientation);
        Entry(w, 0x8825, 4, 1, gpsIfd);
        w.Write(0u);

        // GPS IFD: N 52°22'12", E 4°53'24" (two RATIONAL triples at gpsData).
        w.Write((ushort)4);
        Entry(w, 0x0001, 2, 2, 'N');
        Entry(w, 0x0002, 5, 3, gpsData);
        Entry(w, 0x0003, 2, 2, 'E');
        Entry(w, 0x0004, 5, 3, gpsData + 24);
        w.Write(0u);
        foreach (var value in new uint[] { 52, 22, 12, 4, 53, 24 })
        {
            w.Write(value);
            w.Write(1u);
        }

        w.Write(makeBytes);
        w.Flush();
        return [.. "Exif\0\0"u8, .. tiff.ToArray()];
    }

    public static byte[] Xmp(string text) => [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Encoding.UTF8.GetBytes($"<x:xmpmeta xmlns:x='adobe:ns:meta/'>{text}</x:xmpmeta>")];

    /// <summary>
    /// An animated 1 × 1 GIF (two frames) with a looping extension, a comment and an XMP application extension; the
    /// second frame may declare another size.
    /// </summary>
    public static byte[] AnimatedGif(string comment, ushort secondFrameSide = 1)
    {
        byte[] frameData = [0x02, 0x02, 0x44, 0x01, 0x00];
        return
        [
            .. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255,
            0x21, 0xFF, 11, .. "NETSCAPE2.0"u8, 3, 1, 0, 0, 0,
            0x21, 0xFE, (byte)comment.Length, .. Encoding.ASCII.GetBytes(comment), 0,
            0x21, 0xFF, 11, .. "XMP DataXMP"u8, 5, .. "<xmp>"u8, 0,
            0x21, 0xF9, 4, 0, 10, 0, 0, 0,
            0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, .. frameData,
            0x21, 0xF9, 4, 0, 10, 0, 0, 0,
            0x2C, 0, 0, 0, 0, (byte)secondFrameSide, (byte)(secondFrameSide >> 8), (byte)secondFrameSide, (byte)(secondFrameSide >> 8), 0, .. frameData,
            0x3B,
        ];
    }

    /// <summary>
    /// A simple WebP rewritten as the extended format (VP8X) with EXIF and XMP chunks after the image and their flags
    /// set, as photo tools write it.
    /// </summary>
    public static byte[] WebPWithMetadata(byte[] webp, byte[] exif, byte[] xmp)
    {
        ArgumentNullException.ThrowIfNull(webp);
        using var decoded = SKBitmap.Decode(webp);
        var vp8x = new byte[10];
        vp8x[0] = 0x08 | 0x04;
        WriteUInt24(vp8x.AsSpan(4), decoded.Width - 1);
        WriteUInt24(vp8x.AsSpan(7), decoded.Height - 1);
        byte[] body = [.. "WEBP"u8, .. RiffChunk("VP8X", vp8x), .. webp[12..], .. RiffChunk("EXIF", exif), .. RiffChunk("XMP ", xmp)];
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)body.Length);
        return [.. "RIFF"u8, .. size, .. body];
    }

    public static byte[] RiffChunk(string type, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)body.Length);
        return [.. Encoding.ASCII.GetBytes(type), .. size, .. body, .. body.Length % 2 == 1 ? new byte[] { 0 } : []];
    }

    private static void Entry(BinaryWriter w, ushort tag, ushort type, uint count, uint value)
    {
        w.Write(tag);
        w.Write(type);
        w.Write(count);
        w.Write(value);
    }

    private static void WriteUInt24(Span<byte> target, int value)
    {
        target[0] = (byte)value;
        target[1] = (byte)(value >> 8);
        target[2] = (byte)(value >> 16);
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
