using KbCore.Accounts;
using KbServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KbServer.Tests.GitHttp;

/// <summary>The server on Kestrel with a folder for clones: tokens, clones, and the server repository's refs as git lists them.</summary>
public sealed class GitRemote : IDisposable
{
    private readonly TempDirectory _work = new("kbclone");

    public GitRemote()
        : this(null)
    {
    }

    /// <param name="settings">Configuration for the server, e.g. <c>HelpCenter:BaseUrl</c>.</param>
    internal GitRemote(IReadOnlyDictionary<string, string?>? settings) => Server = new KestrelServerFactory(settings, null);

    public KestrelServerFactory Server { get; }

    /// <summary>The published tip, once the server has created its repository.</summary>
    public string Tip()
    {
        _ = Server.Services.GetRequiredService<KbCore.Content.ContentStore>().Current;
        return Git.Run(Server.RepositoryPath, "rev-parse", "main").Trim();
    }

    /// <summary>Every ref in the server repository with its target, to compare before and after a refused push.</summary>
    public string Refs() => Git.Run(Server.RepositoryPath, "for-each-ref", "--format=%(objectname) %(refname)");

    public string Clone(string token, string name)
    {
        Git.Run(_work.Path, "clone", "-q", Url(token), name);
        return _work.Combine(name);
    }

    public string Combine(params string[] parts) => _work.Combine(parts);

    public string Url(string? token) =>
        token is null ? new Uri(Server.RootUri, "/content.git").ToString() : $"http://git:{token}@{Server.RootUri.Authority}/content.git";

    public Task<string> TokenAsync(string email, params string[] scopes) => TokenForRoleAsync(email, KbRoles.Author, scopes);

    public Task<string> TokenForRoleAsync(string email, string role, params string[] scopes) => ApiTokens.NewUserAsync(Server, email, role, scopes);

    /// <summary>A clone whose token may push, for a new author.</summary>
    public async Task<string> PusherCloneAsync(string name) =>
        Clone(await TokenAsync($"{name}@example.com", TokenScopes.ArticlesRead, TokenScopes.ArticlesWrite), name);

    /// <summary>Commits the files (path to content) in the clone.</summary>
    public static void Commit(string clone, string message, IReadOnlyDictionary<string, byte[]> files)
    {
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(clone, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, content);
        }

        Git.Run(clone, "-c", "core.protectNTFS=false", "add", "-A");
        Git.Run(clone, "commit", "-q", "--allow-empty", "-m", message);
    }

    public void Dispose()
    {
        Server.Dispose();
        _work.Dispose();
    }
}
