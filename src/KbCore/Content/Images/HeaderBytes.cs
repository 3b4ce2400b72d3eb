using System.Buffers.Binary;

namespace KbCore.Content.Images;

/// <summary>
/// Bounds-checked reads for the header parsers: every length in an image is untrusted, so a read past the end is a
/// refusal in words ("truncated or damaged"), never an index exception.
/// </summary>
internal static class HeaderBytes
{
    public static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> data, long offset, long count, string format)
    {
        if (offset < 0 || count < 0 || offset + count > data.Length)
        {
            throw Damaged(format);
        }

        return data.Slice((int)offset, (int)count);
    }

    public static InvalidDataException Damaged(string format) => new($"the {format} file is truncated or damaged");

    public static uint BigEndian32(ReadOnlySpan<byte> data, long offset, string format) => BinaryPrimitives.ReadUInt32BigEndian(Take(data, offset, 4, format));

    public static ushort BigEndian16(ReadOnlySpan<byte> data, long offset, string format) => BinaryPrimitives.ReadUInt16BigEndian(Take(data, offset, 2, format));

    public static ushort LittleEndian16(ReadOnlySpan<byte> data, long offset, string format) => BinaryPrimitives.ReadUInt16LittleEndian(Take(data, offset, 2, format));

    public static uint LittleEndian32(ReadOnlySpan<byte> data, long offset, string format) => BinaryPrimitives.ReadUInt32LittleEndian(Take(data, offset, 4, format));

    public static int LittleEndian24(ReadOnlySpan<byte> data, long offset, string format)
    {
        var bytes = Take(data, offset, 3, format);
        return bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);
    }
}
