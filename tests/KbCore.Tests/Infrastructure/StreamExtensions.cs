namespace KbCore.Tests.Infrastructure;

public static class StreamExtensions
{
    public static byte[] ReadAllBytes(this Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using (stream)
        using (var memory = new MemoryStream())
        {
            stream.CopyTo(memory);
            return memory.ToArray();
        }
    }
}
