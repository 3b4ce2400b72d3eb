namespace KbServer.Hosting.Logging;

/// <summary>
/// Stands in, in the log only, for an exception whose message carries control characters or a secret (a path, a URL or
/// a value from a request): it prints as the original does, stack trace included, with the messages made safe.
/// Exceptions with clean messages, nearly all of them, are logged as themselves.
/// </summary>
#pragma warning disable CA1032, CA1064 // Never thrown or caught: it exists only to be printed by log providers.
internal sealed class EscapedException : Exception
#pragma warning restore CA1032, CA1064
{
    private readonly string _text;

    private EscapedException(Exception original)
        : base(LogText.Safe(original.Message), original)
    {
        var text = original.ToString();
        for (var e = original; e is not null; e = e.InnerException)
        {
            var escaped = LogText.Safe(e.Message);
            if (!ReferenceEquals(escaped, e.Message))
            {
                text = text.Replace(e.Message, escaped, StringComparison.Ordinal);
            }
        }

        _text = text;
    }

    public override string? StackTrace => InnerException!.StackTrace;

    public static Exception? Of(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (!ReferenceEquals(LogText.Safe(e.Message), e.Message))
            {
                return new EscapedException(exception!);
            }
        }

        return exception;
    }

    public override string ToString() => _text;
}
