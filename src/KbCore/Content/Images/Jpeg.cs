using System.Buffers.Binary;

namespace KbCore.Content.Images;

/// <summary>JPEG by its segments: sizes from the SOFn frame headers, and a copy without APPn metadata and comments.</summary>
internal static class Jpeg
{
    private const byte Comment = 0xFE;

    private const ushort OrientationTag = 0x0112;

    /// <summary>The size of every frame (SOF0–SOF15); throws <see cref="InvalidDataException"/> on a broken file.</summary>
    public static List<ImageSize> Sizes(ReadOnlySpan<byte> data)
    {
        var sizes = new List<ImageSize>();
        var segments = new JpegSegments(data);
        while (segments.MoveNext())
        {
            if (IsStartOfFrame(segments.Marker))
            {
                var height = HeaderBytes.BigEndian16(segments.Payload, 1, JpegSegments.Format);
                var width = HeaderBytes.BigEndian16(segments.Payload, 3, JpegSegments.Format);

                // A height of 0 defers it to a DNL marker after the first scan: legal, unheard of, and a way round the cap.
                if (width == 0 || height == 0)
                {
                    throw new InvalidDataException("the JPEG frame header declares no size");
                }

                sizes.Add(new ImageSize(width, height));
            }
            else if (segments.Marker == JpegSegments.StartOfScan && sizes.Count == 0)
            {
                throw new InvalidDataException("the JPEG has image data before its frame header");
            }
        }

        return sizes.Count > 0 ? sizes : throw new InvalidDataException("the JPEG has no frame header");
    }

    /// <summary>
    /// The same image without comments and APPn segments, except what decoding needs: JFIF (without its thumbnail),
    /// the ICC colour profile and Adobe's colour transform. EXIF shrinks to its Orientation tag, so a photo taken
    /// sideways still shows upright. Nothing after EOI is kept.
    /// </summary>
    public static byte[] Strip(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length);
        output.Write(data[..2]);
        var exifSeen = false;
        var segments = new JpegSegments(data);
        while (segments.MoveNext())
        {
            var marker = segments.Marker;
            var payload = segments.Payload;
            if (marker is not (>= 0xE0 and <= 0xEF) and not Comment)
            {
                output.Write(data[segments.Start..segments.End]);
            }
            else if (marker == 0xE0 && payload.Length >= 14 && payload.StartsWith("JFIF\0"u8))
            {
                // Version, units and density; the thumbnail size bytes become 0 × 0 and its pixels go (an uncropped preview).
                output.Write([0xFF, 0xE0, 0x00, 16]);
                output.Write(payload[..12]);
                output.Write([0, 0]);
            }
            else if ((marker == 0xE2 && payload.StartsWith("ICC_PROFILE\0"u8)) || (marker == 0xEE && payload.StartsWith("Adobe"u8)))
            {
                output.Write(data[segments.Start..segments.End]);
            }
            else if (marker == 0xE1 && payload.StartsWith("Exif\0\0"u8) && !exifSeen)
            {
                exifSeen = true;
                if (Orientation(payload[6..]) is { } orientation and not 1)
                {
                    output.Write(OrientationOnlyExif(orientation));
                }
            }
        }

        return output.ToArray();
    }

    // SOF0–SOF15 share C0–CF with DHT (C4), JPG (C8) and DAC (CC), which are not frame headers.
    private static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    /// <summary>The Orientation (1–8) in IFD0 of a TIFF structure, or null when there is none or it cannot be read.</summary>
    private static ushort? Orientation(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8 || !(tiff.StartsWith("II"u8) || tiff.StartsWith("MM"u8)))
        {
            return null;
        }

        var little = tiff[0] == (byte)'I';
        var ifd = little ? BinaryPrimitives.ReadUInt32LittleEndian(tiff[4..]) : BinaryPrimitives.ReadUInt32BigEndian(tiff[4..]);
        if (ifd > tiff.Length - 2)
        {
            return null;
        }

        var count = U16(tiff, (int)ifd, little);
        for (var i = 0; i < count; i++)
        {
            var entry = (int)ifd + 2 + (i * 12);
            if (entry + 12 > tiff.Length)
            {
                return null;
            }

            // Tag 0x0112, type SHORT, one value, stored in the first two bytes of the value field.
            if (U16(tiff, entry, little) == OrientationTag && U16(tiff, entry + 2, little) == 3)
            {
                var value = U16(tiff, entry + 8, little);
                return value is >= 1 and <= 8 ? value : null;
            }
        }

        return null;
    }

    private static ushort U16(ReadOnlySpan<byte> tiff, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(tiff[at..]) : BinaryPrimitives.ReadUInt16BigEndian(tiff[at..]);

    /// <summary>An APP1 segment whose EXIF holds one tag, Orientation: big-endian TIFF, one IFD with one entry.</summary>
    private static byte[] OrientationOnlyExif(ushort orientation) =>
    [
        0xFF, 0xE1, 0x00, 34,
        (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
        (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,
        0x00, 0x01,
        OrientationTag >> 8, OrientationTag & 0xFF, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, (byte)(orientation >> 8), (byte)orientation, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00,
    ];
}
