using System.Collections;

namespace KbServer.Hosting.Logging;

/// <summary>
/// A structured log entry's fields with their secrets redacted. Structured providers (the JSON console, exporters)
/// print the fields themselves, not the message, and the request log's fields hold the query string. Control
/// characters are left to those providers, which encode them.
/// </summary>
internal sealed class RedactedState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _fields;
    private readonly string _message;

    private RedactedState(List<KeyValuePair<string, object?>> fields, string message)
    {
        _fields = fields;
        _message = message;
    }

    public int Count => _fields.Count;

    public KeyValuePair<string, object?> this[int index] => _fields[index];

    /// <summary>A stand-in for <paramref name="state"/> when one of its fields holds a secret; otherwise null, and the state is logged as it is.</summary>
    /// <param name="message">The entry's message, already made safe.</param>
    public static RedactedState? Of<TState>(TState state, Func<string> message)
    {
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> fields)
        {
            return null;
        }

        List<KeyValuePair<string, object?>>? redacted = null;
        for (var i = 0; i < fields.Count; i++)
        {
            var (name, value) = fields[i];

            // Numbers, dates and the like hold no secret; anything else prints as its text.
            if (value is null or bool or IFormattable || value.ToString() is not { } text || ReferenceEquals(LogSecrets.Redact(text), text))
            {
                continue;
            }

            redacted ??= [.. fields];
            redacted[i] = new(name, LogSecrets.Redact(text));
        }

        return redacted is null ? null : new RedactedState(redacted, message());
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => _message;
}
