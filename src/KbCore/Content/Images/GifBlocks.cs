namespace KbCore.Content.Images;

/// <summary>
/// Walks a GIF block by block: first the header with the logical screen and global colour table, then extensions
/// and images, up to the trailer. A file that ends before the trailer is truncated.
/// </summary>
internal ref struct GifBlocks(ReadOnlySpan<byte> data)
{
    public const string Format = "GIF";

    public const byte Extension = 0x21;

    public const byte Image = 0x2C;

    public const byte Trailer = 0x3B;

    /// <summary>Introduces the head block (header, logical screen, global colour table).</summary>
    public const byte Head = 0x00;

    private readonly ReadOnlySpan<byte> _data = data;
    private bool _done;

    /// <summary><see cref="Head"/>, <see cref="Extension"/>, <see cref="Image"/> or <see cref="Trailer"/>.</summary>
    public byte Kind { get; private set; }

    /// <summary>For an extension, its label (0xF9 graphic control, 0xFE comment, 0xFF application, 0x01 plain text).</summary>
    public byte Label { get; private set; }

    public int Start { get; private set; }

    public int End { get; private set; }

    /// <summary>The logical screen for the head, the frame for an image.</summary>
    public ImageSize Size { get; private set; }

    /// <summary>The first data sub-block of an extension: an application extension's identifier and code.</summary>
    public readonly ReadOnlySpan<byte> FirstSubBlock => Kind == Extension && _data[Start + 2] > 0 ? _data[(Start + 3)..(Start + 3 + _data[Start + 2])] : ReadOnlySpan<byte>.Empty;

    public bool MoveNext()
    {
        if (_done)
        {
            return false;
        }

        if (Kind == Head && End == 0)
        {
            var packed = HeaderBytes.Take(_data, 10, 1, Format)[0];
            Size = new ImageSize(HeaderBytes.LittleEndian16(_data, 6, Format), HeaderBytes.LittleEndian16(_data, 8, Format));
            (Start, End) = (0, 13 + ColourTableLength(packed));
            HeaderBytes.Take(_data, 0, End, Format);
            return true;
        }

        Start = End;
        Kind = HeaderBytes.Take(_data, Start, 1, Format)[0];
        switch (Kind)
        {
            case Extension:
                Label = HeaderBytes.Take(_data, Start + 1, 1, Format)[0];
                End = SkipSubBlocks(Start + 2);
                break;
            case Image:
                var packed = HeaderBytes.Take(_data, Start + 9, 1, Format)[0];
                Size = new ImageSize(HeaderBytes.LittleEndian16(_data, Start + 5, Format), HeaderBytes.LittleEndian16(_data, Start + 7, Format));

                // Descriptor, local colour table, LZW code size, then the data sub-blocks.
                End = SkipSubBlocks(Start + 10 + ColourTableLength(packed) + 1);
                break;
            case Trailer:
                End = Start + 1;
                _done = true;
                break;
            default:
                throw HeaderBytes.Damaged(Format);
        }

        return true;
    }

    private static int ColourTableLength(byte packed) => (packed & 0x80) == 0 ? 0 : 3 << ((packed & 0x07) + 1);

    /// <summary>Where the sub-blocks starting at <paramref name="at"/> end, after their zero-length terminator.</summary>
    private readonly int SkipSubBlocks(int at)
    {
        while (true)
        {
            var length = HeaderBytes.Take(_data, at, 1, Format)[0];
            at += 1 + length;
            if (length == 0)
            {
                return at;
            }
        }
    }
}
