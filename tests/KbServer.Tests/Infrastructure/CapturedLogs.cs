using System.Text;
using Microsoft.Extensions.Logging;

namespace KbServer.Tests.Infrastructure;

/// <summary>
/// A logger provider that writes what a line-based console would: per entry, level, category and event, the
/// scopes (structured ones field by field), the message, then the exception on its own lines; and apart, the
/// structured fields a JSON console would print. Registered in a real server, it sees what any provider of the
/// application sees.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly StringBuilder _text = new();
    private readonly List<CapturedLogEntry> _entries = [];
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public IReadOnlyList<CapturedLogEntry> Entries
    {
        get
        {
            lock (_text)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private void Write(string category, LogLevel level, EventId eventId, string message, Exception? exception, object? state)
    {
        var scopes = new StringBuilder();
        _scopes.ForEachScope((scope, text) => text.Append(" => ").Append(Render(scope)), scopes);
        var rendered = $"{level}: {category}[{eventId.Id}]{scopes}: {message}{(exception is null ? string.Empty : "\n" + exception)}";
        var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join('\n', pairs.Select(f => $"{f.Key}={f.Value}")) : string.Empty;
        lock (_text)
        {
            _entries.Add(new CapturedLogEntry(category, eventId, rendered, fields));
            _text.Append(rendered).Append('\n');
        }
    }

    // Structured scopes as the JSON console prints them, field by field; others by their text.
    private static string? Render(object? scope) => scope is IEnumerable<KeyValuePair<string, object?>> fields
        ? string.Join(", ", fields.Select(f => $"{f.Key}:{f.Value}"))
        : scope?.ToString();

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => logs._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Write(category, logLevel, eventId, formatter(state, exception), exception, state);
    }
}
