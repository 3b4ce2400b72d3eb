namespace KbServer.Hosting.Logging;

/// <summary>Every message, scope and exception text of one category, escaped before any provider sees it.</summary>
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

        // The state stays as it is, so structured providers keep its fields; they encode values themselves (JSON).
        // The message formatter gets the original exception, which is what it was written for.
        inner.Log(logLevel, eventId, state, EscapedException.Of(exception), (s, _) => LogText.Escape(formatter(s, exception)));
    }
}
