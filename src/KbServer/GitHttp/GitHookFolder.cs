namespace KbServer.GitHttp;

/// <summary>Where <see cref="GitHooks"/> wrote the hooks for this server.</summary>
internal sealed record GitHookFolder(string Path);
