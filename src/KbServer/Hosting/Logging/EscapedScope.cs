namespace KbServer.Hosting.Logging;

/// <summary>
/// A logging scope as providers will print it, made safe. The hosting layer's own scope carries the request path, so
/// every line of a request would otherwise repeat a forged one.
/// </summary>
internal class EscapedScope(object state)
{
    /// <summary>A wrapper that is structured exactly when <paramref name="state"/> is, so providers print it the same way.</summary>
    public static EscapedScope Of(object state) => state is IEnumerable<KeyValuePair<string, object?>> fields ? new EscapedFieldsScope(fields) : new EscapedScope(state);

    public override string ToString() => LogText.Safe(state.ToString());
}
