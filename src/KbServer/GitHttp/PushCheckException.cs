namespace KbServer.GitHttp;

/// <summary>A push the checks refuse unjudged (bigger than they inspect at once, or unreadable); the message tells the pusher what to do.</summary>
internal sealed class PushCheckException(string message) : Exception(message);
