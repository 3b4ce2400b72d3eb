namespace KbServer.GitHttp;

/// <summary>A push is bigger than the server inspects at once; the message tells the pusher how to split it.</summary>
internal sealed class PushLimitException(string message) : Exception(message);
