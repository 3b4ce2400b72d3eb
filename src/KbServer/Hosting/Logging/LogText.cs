using System.Buffers;
using System.Globalization;
using System.Text;

namespace KbServer.Hosting.Logging;

/// <summary>
/// Makes text safe for a line-based log: a request path or a header can hold CR, LF or terminal escapes, and logged
/// as they are they forge whole log lines or repaint the operator's terminal. Such characters become visible
/// escapes (<c>\r</c>, <c>\n</c>, <c>\u001B</c>).
/// </summary>
internal static class LogText
{
    // C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional overrides that make
    // a line read differently from what it holds.
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Concat([0x2028, 0x2029, 0x200E, 0x200F])
            .Concat(Enumerable.Range(0x202A, 5)).Concat(Enumerable.Range(0x2066, 4)).Select(c => (char)c)));

    /// <summary>What a log line may print: secrets redacted (<see cref="LogSecrets"/>), then control characters escaped.</summary>
    public static string Safe(string? text) => Escape(LogSecrets.Redact(text ?? string.Empty));

    /// <summary>The text unchanged when nothing needs escaping (the usual case, without allocating).</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var first = text.AsSpan().IndexOfAny(Unsafe);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            _ = c switch
            {
                '\r' => escaped.Append("\\r"),
                '\n' => escaped.Append("\\n"),
                '\t' => escaped.Append("\\t"),
                _ when Unsafe.Contains(c) => escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }
}
