using System.Buffers.Binary;
using System.Text;

namespace KbCore.Content.Images;

/// <summary>WebP by its RIFF chunks: sizes from VP8, VP8L, VP8X and the animation frames, and a copy without EXIF and XMP.</summary>
internal static class WebP
{
    private const string Format = "WebP";

    private const int HeaderLength = 12;

    // VP8X flag bits that announce EXIF and XMP chunks; cleared when those go.
    private const byte ExifAndXmpFlags = 0x08 | 0x04;

    /// <summary>What decoding and animation need; EXIF, XMP and chunks no decoder reads go.</summary>
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal) { "VP8X", "VP8 ", "VP8L", "ALPH", "ICCP", "ANIM", "ANMF" };

    /// <summary>The canvas first, then each frame and bitstream; throws <see cref="InvalidDataException"/> on a broken file.</summary>
    public static List<ImageSize> Sizes(ReadOnlySpan<byte> data)
    {
        var riff = Riff(data);
        var sizes = new List<ImageSize>();
        var first = Chunk.At(riff, HeaderLength);
        if (first.Type is "VP8 " or "VP8L")
        {
            sizes.Add(Bitstream(first.Type, first.Body(riff)));
            return sizes;
        }

        if (first.Type != "VP8X" || first.Body(riff).Length < 10)
        {
            throw new InvalidDataException("the WebP file does not start with an image chunk");
        }

        var canvas = first.Body(riff);
        sizes.Add(new ImageSize(HeaderBytes.LittleEndian24(canvas, 4, Format) + 1L, HeaderBytes.LittleEndian24(canvas, 7, Format) + 1L));
        for (var at = first.End; at < riff.Length;)
        {
            var chunk = Chunk.At(riff, at);
            var body = chunk.Body(riff);
            if (chunk.Type is "VP8 " or "VP8L")
            {
                sizes.Add(Bitstream(chunk.Type, body));
            }
            else if (chunk.Type == "ANMF")
            {
                sizes.Add(new ImageSize(HeaderBytes.LittleEndian24(body, 6, Format) + 1L, HeaderBytes.LittleEndian24(body, 9, Format) + 1L));
                for (var inner = 16; inner < body.Length;)
                {
                    var frameChunk = Chunk.At(body, inner);
                    if (frameChunk.Type is "VP8 " or "VP8L")
                    {
                        sizes.Add(Bitstream(frameChunk.Type, frameChunk.Body(body)));
                    }

                    inner = frameChunk.End;
                }
            }

            at = chunk.End;
        }

        return sizes.Count > 1 ? sizes : throw new InvalidDataException("the WebP file holds no image");
    }

    /// <summary>The same image with only the chunks in <see cref="Kept"/>, VP8X's EXIF and XMP flags cleared; nothing after the RIFF.</summary>
    public static byte[] Strip(ReadOnlySpan<byte> data)
    {
        var riff = Riff(data);
        using var output = new MemoryStream(riff.Length);
        output.Write(riff[..HeaderLength]);
        for (var at = HeaderLength; at < riff.Length;)
        {
            var chunk = Chunk.At(riff, at);
            if (Kept.Contains(chunk.Type))
            {
                var start = (int)output.Position;
                output.Write(riff[chunk.Start..chunk.End]);
                if (chunk.Type == "VP8X")
                {
                    output.GetBuffer()[start + 8] &= unchecked((byte)~ExifAndXmpFlags);
                }
            }

            at = chunk.End;
        }

        var bytes = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return bytes;
    }

    /// <summary>The file up to the end the RIFF header declares; a file shorter than that is truncated.</summary>
    private static ReadOnlySpan<byte> Riff(ReadOnlySpan<byte> data)
    {
        var size = HeaderBytes.LittleEndian32(data, 4, Format);
        if (size < 4 + 8)
        {
            throw HeaderBytes.Damaged(Format);
        }

        return HeaderBytes.Take(data, 0, 8L + size, Format);
    }

    private static ImageSize Bitstream(string type, ReadOnlySpan<byte> body)
    {
        if (type == "VP8 ")
        {
            // Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height.
            if (!HeaderBytes.Take(body, 3, 3, Format).SequenceEqual((ReadOnlySpan<byte>)[0x9D, 0x01, 0x2A]))
            {
                throw HeaderBytes.Damaged(Format);
            }

            return NonEmpty(HeaderBytes.LittleEndian16(body, 6, Format) & 0x3FFF, HeaderBytes.LittleEndian16(body, 8, Format) & 0x3FFF);
        }

        // Signature 0x2F, then width - 1 and height - 1 in 14 bits each.
        if (HeaderBytes.Take(body, 0, 1, Format)[0] != 0x2F)
        {
            throw HeaderBytes.Damaged(Format);
        }

        var bits = HeaderBytes.LittleEndian32(body, 1, Format);
        return new ImageSize((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
    }

    private static ImageSize NonEmpty(int width, int height) =>
        width > 0 && height > 0 ? new ImageSize(width, height) : throw new InvalidDataException("the WebP image declares no size");

    /// <summary>A RIFF chunk: FourCC, little-endian size, body, and a pad byte when the size is odd.</summary>
    private readonly record struct Chunk(string Type, int Start, int End, int BodyLength)
    {
        public ReadOnlySpan<byte> Body(ReadOnlySpan<byte> data) => data.Slice(Start + 8, BodyLength);

        public static Chunk At(ReadOnlySpan<byte> data, int start)
        {
            var type = Encoding.ASCII.GetString(HeaderBytes.Take(data, start, 4, Format));
            var length = HeaderBytes.LittleEndian32(data, start + 4, Format);
            var end = start + 8L + length + (length & 1);

            // The pad byte of the last chunk is often missing: only the body itself must be there.
            HeaderBytes.Take(data, start, 8L + length, Format);
            return new Chunk(type, start, (int)Math.Min(end, data.Length), (int)length);
        }
    }
}
