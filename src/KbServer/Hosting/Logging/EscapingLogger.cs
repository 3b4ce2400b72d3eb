namespace KbServer.Hosting.Logging;

/// <summary>
/// Every message, scope, exception text and structured field of one category made safe (<see cref="LogText.Safe"/>)
/// before any provider sees it.
/// </summary>
internal sealed class EscapingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(EscapedScope.Of(state));

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        // The message formatter gets the original exception, which is what it was written for.
        var shown = EscapedException.Of(exception);
        if (RedactedState.Of(state, () => LogText.Safe(formatter(state, exception))) is { } redacted)
        {
            inner.Log(logLevel, eventId, redacted, shown, (s, _) => s.ToString());
            return;
        }

        // Otherwise the state stays as it is, so structured providers keep its fields; they encode values themselves (JSON).
        inner.Log(logLevel, eventId, state, shown, (s, _) => LogText.Safe(formatter(s, exception)));
    }
}
