using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KbServer.Tests.Infrastructure;

/// <summary>
/// The real server over a temporary data directory: a bare repository seeded from <see cref="SeedDirectory"/>,
/// the shipped themes unless told otherwise. Each factory has its own repository, so tests can run in parallel.
/// </summary>
public class KbServerFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _data = new("kbdata");

    public KbServerFactory(string seedDirectory, IReadOnlyDictionary<string, string?>? settings = null)
    {
        SeedDirectory = seedDirectory;
        Settings = settings ?? new Dictionary<string, string?>();
    }

    public string SeedDirectory { get; }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public string DataDirectory => _data.Path;

    public string RepositoryPath => Settings.TryGetValue("Content:Repository", out var repo) && repo is not null ? repo : _data.Combine("content.git");

    /// <summary>A client that keeps cookies and does not follow redirects, as the studio tests need.</summary>
    public virtual HttpClient CreateBrowserClient() => CreateClient(new() { AllowAutoRedirect = false });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("DataDirectory", _data.Path);
        builder.UseSetting("Content:SeedDirectory", SeedDirectory);
        builder.UseSetting("Content:PollInterval", "00:00:00.200");
        builder.UseSetting("Themes:Directory", RepoPaths.Themes);

        // The model costs a second to load and minutes of CPU over a large seed: tests that are about meaning turn it on.
        builder.UseSetting("Search:Semantic:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data.Dispose();
        }
    }
}
