namespace KbServer.GitHttp;

/// <summary>Where <see cref="GitHooks"/> wrote the hooks for this server.</summary>
internal sealed record GitHookFolder(string Path)
{
    /// <summary>Beside the hooks: one folder per push under way, where the hook and the server talk (<see cref="PushVerdicts"/>).</summary>
    public string PushesPath => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path) ?? Path, "git-pushes");
}
