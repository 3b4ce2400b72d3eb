namespace KbCore.Content.Images;

/// <summary>GIF by its blocks: the logical screen and every frame's size, and a copy without comments and foreign extensions.</summary>
internal static class Gif
{
    private const byte GraphicControl = 0xF9;

    private const byte PlainText = 0x01;

    private const byte Application = 0xFF;

    /// <summary>The logical screen first, then every frame; throws <see cref="InvalidDataException"/> on a broken file.</summary>
    public static List<ImageSize> Sizes(ReadOnlySpan<byte> data)
    {
        var sizes = new List<ImageSize>();
        var blocks = new GifBlocks(data);
        while (blocks.MoveNext())
        {
            if (blocks.Kind is GifBlocks.Head or GifBlocks.Image)
            {
                sizes.Add(blocks.Size);
            }
        }

        if (sizes[0].Pixels == 0)
        {
            throw new InvalidDataException("the GIF declares an empty logical screen");
        }

        return sizes.Count > 1 ? sizes : throw new InvalidDataException("the GIF holds no image");
    }

    /// <summary>
    /// The same image keeping frames, timing and transparency (graphic control), plain text, and the looping
    /// extensions (NETSCAPE2.0, ANIMEXTS1.0); comments and other application extensions (XMP, ICC, ...) go, as does
    /// anything after the trailer.
    /// </summary>
    public static byte[] Strip(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length);
        var blocks = new GifBlocks(data);
        while (blocks.MoveNext())
        {
            if (blocks.Kind != GifBlocks.Extension || blocks.Label is GraphicControl or PlainText || (blocks.Label == Application && IsLooping(blocks.FirstSubBlock)))
            {
                output.Write(data[blocks.Start..blocks.End]);
            }
        }

        return output.ToArray();
    }

    private static bool IsLooping(ReadOnlySpan<byte> identifier) => identifier.SequenceEqual("NETSCAPE2.0"u8) || identifier.SequenceEqual("ANIMEXTS1.0"u8);
}
