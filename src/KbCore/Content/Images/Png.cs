using System.Text;

namespace KbCore.Content.Images;

/// <summary>PNG by its chunks: sizes from IHDR and the APNG frame headers, and a copy without the metadata chunks.</summary>
internal static class Png
{
    private const string Format = "PNG";

    private const int SignatureLength = 8;

    /// <summary>
    /// What a browser needs to draw the image (animated or not) in the right colours. Every other chunk is text,
    /// timestamps, EXIF or something no browser reads, and is dropped: an allowlist, so new metadata chunks go too.
    /// </summary>
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal)
    {
        "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "cICP", "acTL", "fcTL", "fdAT",
    };

    /// <summary>The canvas from IHDR first, then every APNG frame; throws <see cref="InvalidDataException"/> on a broken file.</summary>
    public static List<ImageSize> Sizes(ReadOnlySpan<byte> data)
    {
        var sizes = new List<ImageSize>();
        var hasImageData = false;
        for (var chunk = Chunk.First(data); ; chunk = chunk.Next(data))
        {
            var body = chunk.Body(data);
            switch (chunk.Type)
            {
                case "IHDR" when sizes.Count == 0 && body.Length == 13:
                    sizes.Add(Size(body, 0));
                    break;
                case "IHDR":
                    throw new InvalidDataException("the PNG header (IHDR) is damaged");
                case "fcTL" when body.Length == 26:
                    sizes.Add(Size(body, 4));
                    break;
                case "fcTL":
                    throw new InvalidDataException("an animation frame header (fcTL) of the PNG is damaged");
                case "IDAT":
                    hasImageData = true;
                    break;
                case "IEND":
                    return hasImageData ? sizes : throw new InvalidDataException("the PNG holds no image data");
            }

            if (sizes.Count == 0)
            {
                throw new InvalidDataException("the PNG does not start with its header (IHDR)");
            }
        }
    }

    /// <summary>The same image with only the chunks in <see cref="Kept"/>, each byte for byte (CRCs stay valid); nothing after IEND.</summary>
    public static byte[] Strip(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length);
        output.Write(data[..SignatureLength]);
        for (var chunk = Chunk.First(data); ; chunk = chunk.Next(data))
        {
            if (Kept.Contains(chunk.Type))
            {
                output.Write(data[chunk.Start..chunk.End]);
            }

            if (chunk.Type == "IEND")
            {
                return output.ToArray();
            }
        }
    }

    private static ImageSize Size(ReadOnlySpan<byte> body, int offset)
    {
        var width = HeaderBytes.BigEndian32(body, offset, Format);
        var height = HeaderBytes.BigEndian32(body, offset + 4, Format);

        // The format allows at most 2^31 - 1 either way; zero is no image at all.
        if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue)
        {
            throw new InvalidDataException($"the PNG declares an impossible size ({width} × {height})");
        }

        return new ImageSize(width, height);
    }

    /// <summary>One chunk: length, type, body, CRC; <see cref="Start"/> and <see cref="End"/> span all four.</summary>
    private readonly record struct Chunk(string Type, int Start, int End)
    {
        public static Chunk First(ReadOnlySpan<byte> data) => At(data, SignatureLength);

        public Chunk Next(ReadOnlySpan<byte> data) => At(data, End);

        public ReadOnlySpan<byte> Body(ReadOnlySpan<byte> data) => data[(Start + 8)..(End - 4)];

        private static Chunk At(ReadOnlySpan<byte> data, int start)
        {
            var length = HeaderBytes.BigEndian32(data, start, Format);
            var type = HeaderBytes.Take(data, start + 4, 4, Format);
            if (length > int.MaxValue || !IsChunkType(type))
            {
                throw HeaderBytes.Damaged(Format);
            }

            var end = start + 12L + length;
            HeaderBytes.Take(data, start, end - start, Format);
            return new Chunk(Encoding.ASCII.GetString(type), start, (int)end);
        }

        private static bool IsChunkType(ReadOnlySpan<byte> type)
        {
            foreach (var b in type)
            {
                if (!char.IsAsciiLetter((char)b))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
