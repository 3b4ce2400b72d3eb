using System.Globalization;
using System.Text;

namespace KbServer.GitHttp;

/// <summary>Git's pkt-line framing: four hex digits of length (including themselves), then the payload.</summary>
internal static class PktLine
{
    public const int MaxPayload = 65516;

    /// <summary>A push's command list is a few lines per branch; anything bigger is not a push.</summary>
    public const int MaxCommandBytes = 1024 * 1024;

    /// <summary>Reads the command list at the start of a receive-pack request, up to its flush packet.</summary>
    /// <returns>The raw bytes read (to replay to git) and the commands with the client's capabilities, or null if malformed.</returns>
    public static async Task<(byte[] Raw, List<PushCommand> Commands, HashSet<string> Capabilities)?> ReadCommandsAsync(Stream body, CancellationToken cancellationToken)
    {
        using var raw = new MemoryStream();
        var commands = new List<PushCommand>();
        var capabilities = new HashSet<string>(StringComparer.Ordinal);
        var header = new byte[4];
        while (true)
        {
            if (!await ReadExactlyAsync(body, header, cancellationToken).ConfigureAwait(false) ||
                !int.TryParse(Encoding.ASCII.GetString(header), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var length))
            {
                return null;
            }

            raw.Write(header);
            if (length == 0)
            {
                return (raw.ToArray(), commands, capabilities);
            }

            if (length < 4 || length - 4 > MaxPayload || commands.Count > 1000 || raw.Length > MaxCommandBytes)
            {
                return null;
            }

            var payload = new byte[length - 4];
            if (!await ReadExactlyAsync(body, payload, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            raw.Write(payload);
            var text = Encoding.UTF8.GetString(payload).TrimEnd('\n');
            var nul = text.IndexOf('\0', StringComparison.Ordinal);
            if (nul >= 0)
            {
                capabilities.UnionWith(text[(nul + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                text = text[..nul];
            }

            // Only plain ref updates: push certificates and shallow lines are not advertised, and git would apply
            // ref updates hidden inside a certificate that this parser would never see.
            var parts = text.Split(' ', 3);
            if (parts.Length != 3 || parts[0].Length != 40 || parts[1].Length != 40)
            {
                return null;
            }

            commands.Add(new PushCommand(parts[0], parts[1], parts[2]));
        }
    }

    public static byte[] Encode(string payload) => Encode(Encoding.UTF8.GetBytes(payload));

    public static byte[] Encode(byte[] payload)
    {
        var result = new byte[payload.Length + 4];
        Encoding.ASCII.GetBytes((payload.Length + 4).ToString("x4", CultureInfo.InvariantCulture)).CopyTo(result, 0);
        payload.CopyTo(result, 4);
        return result;
    }

    public static byte[] Flush { get; } = "0000"u8.ToArray();

    /// <summary>A progress message on side-band 2, which git prints as <c>remote: {line}</c>.</summary>
    public static byte[] Progress(string line) => Encode([2, .. Encoding.UTF8.GetBytes(line + "\n")]);

    /// <summary>
    /// Copies a response of pkt-lines packet by packet, except a flush packet at the end, which is what tells the
    /// client the response is over: the caller writes it, after anything it has to add.
    /// </summary>
    /// <returns>Whether the response ended with a flush packet (held back); false when it was not pkt-lines, copied as it was.</returns>
    public static async Task<bool> CopyHoldingFlushAsync(Stream from, Stream to, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        var payload = new byte[MaxPayload + 1];
        var held = false;
        while (await from.ReadAtLeastAsync(header, 4, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) is var read && read > 0)
        {
            if (held)
            {
                // Something after the flush: it was not the end. Pass the flush on and go on.
                await to.WriteAsync(Flush, cancellationToken).ConfigureAwait(false);
                held = false;
            }

            if (read < 4 || !int.TryParse(Encoding.ASCII.GetString(header), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var length) ||
                length is 1 or 2 or 3 || length - 4 > payload.Length)
            {
                await to.WriteAsync(header.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                await from.CopyToAsync(to, cancellationToken).ConfigureAwait(false);
                return false;
            }

            if (length == 0)
            {
                held = true;
                continue;
            }

            await to.WriteAsync(header, cancellationToken).ConfigureAwait(false);
            if (length > 4)
            {
                var body = await from.ReadAtLeastAsync(payload.AsMemory(0, length - 4), length - 4, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                await to.WriteAsync(payload.AsMemory(0, body), cancellationToken).ConfigureAwait(false);
            }
        }

        return held;
    }

    private static async Task<bool> ReadExactlyAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken) =>
        await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) == buffer.Length;
}
