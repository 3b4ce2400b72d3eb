using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KbServer.Contact;

/// <summary>
/// <c>X-Kb-Signature</c>: <c>sha256=</c> and the hex HMAC-SHA256 of <c>"{timestamp}.{body}"</c>. The timestamp is
/// signed too, so a receiver that rejects old timestamps also rejects replayed requests.
/// </summary>
internal static class WebhookSignature
{
    public static string Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return "sha256=" + Convert.ToHexStringLower(hmac.GetHashAndReset());
    }
}
