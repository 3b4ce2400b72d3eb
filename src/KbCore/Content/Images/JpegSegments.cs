namespace KbCore.Content.Images;

/// <summary>
/// Walks a JPEG from after its SOI: marker segments, and the entropy-coded data after each SOS (reported with
/// <see cref="Marker"/> 0) up to the next real marker. It ends at EOI; a file without one is truncated.
/// </summary>
internal ref struct JpegSegments(ReadOnlySpan<byte> data)
{
    public const string Format = "JPEG";

    public const byte StartOfScan = 0xDA;

    public const byte EndOfImage = 0xD9;

    private readonly ReadOnlySpan<byte> _data = data;
    private int _offset = 2;
    private bool _inScan;
    private bool _done;

    /// <summary>The marker byte after 0xFF, or 0 for entropy-coded data.</summary>
    public byte Marker { get; private set; }

    /// <summary>Where the segment starts (its 0xFF) and ends, so it can be copied unchanged.</summary>
    public int Start { get; private set; }

    public int End { get; private set; }

    /// <summary>A segment's bytes after its length field (empty for markers that stand alone); entropy-coded data whole.</summary>
    public readonly ReadOnlySpan<byte> Payload => Marker == 0 ? _data[Start..End] : End - Start <= 2 ? ReadOnlySpan<byte>.Empty : _data[(Start + 4)..End];

    public bool MoveNext()
    {
        if (_done)
        {
            return false;
        }

        if (_inScan)
        {
            _inScan = false;
            var end = ScanEnd(_offset);
            if (end > _offset)
            {
                (Marker, Start, End, _offset) = ((byte)0, _offset, end, end);
                return true;
            }
        }

        if (HeaderBytes.Take(_data, _offset, 1, Format)[0] != 0xFF)
        {
            throw HeaderBytes.Damaged(Format);
        }

        // Any number of 0xFF may pad before a marker.
        var at = _offset;
        while (HeaderBytes.Take(_data, at + 1, 1, Format)[0] == 0xFF)
        {
            at++;
        }

        var marker = _data[at + 1];
        Start = at;
        Marker = marker;
        if (marker == EndOfImage || marker is >= 0xD0 and <= 0xD7 || marker == 0x01)
        {
            End = at + 2;
            _done = marker == EndOfImage;
        }
        else if (marker is 0x00 or 0xD8)
        {
            throw HeaderBytes.Damaged(Format);
        }
        else
        {
            var length = HeaderBytes.BigEndian16(_data, at + 2, Format);
            if (length < 2)
            {
                throw HeaderBytes.Damaged(Format);
            }

            End = at + 2 + length;
            HeaderBytes.Take(_data, Start, End - Start, Format);
            _inScan = marker == StartOfScan;
        }

        _offset = End;
        return true;
    }

    /// <summary>
    /// Where the entropy-coded data from <paramref name="from"/> stops: at the first 0xFF that is neither a stuffed
    /// 0xFF00, a restart marker, nor padding.
    /// </summary>
    private readonly int ScanEnd(int from)
    {
        var at = from;
        while (true)
        {
            var next = _data[at..].IndexOf((byte)0xFF);
            if (next < 0 || at + next + 1 >= _data.Length)
            {
                throw new InvalidDataException("the JPEG file is truncated (it has no end marker)");
            }

            at += next;
            var following = _data[at + 1];
            if (following is not 0x00 and not (>= 0xD0 and <= 0xD7) and not 0xFF)
            {
                return at;
            }

            at += following == 0xFF ? 1 : 2;
        }
    }
}
