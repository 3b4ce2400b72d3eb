using System.Collections;

namespace KbServer.Hosting.Logging;

/// <summary>A structured scope (name/value pairs, such as the request's) with its names and textual values made safe.</summary>
internal sealed class EscapedFieldsScope(IEnumerable<KeyValuePair<string, object?>> fields) : EscapedScope(fields), IReadOnlyList<KeyValuePair<string, object?>>
{
    private IReadOnlyList<KeyValuePair<string, object?>>? _values;

    public int Count => Values.Count;

    // Built on first use: most scopes are never printed.
    private IReadOnlyList<KeyValuePair<string, object?>> Values =>
        _values ??= fields.Select(p => new KeyValuePair<string, object?>(LogText.Safe(p.Key), Escape(p.Value))).ToList();

    public KeyValuePair<string, object?> this[int index] => Values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Numbers, dates and the like print no control characters; anything else may.
    private static object? Escape(object? value) => value switch
    {
        null or bool or IFormattable => value,
        _ => LogText.Safe(value.ToString()),
    };
}
