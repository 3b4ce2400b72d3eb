using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.Support;

/// <summary>A real server over <see cref="SupportSeed"/>, one per test.</summary>
public abstract class SupportServer : IDisposable
{
    protected SupportServer() => Factory = new KbServerFactory(Seed.Path);

    protected TempDirectory Seed { get; } = SupportSeed.Create();

    protected KbServerFactory Factory { get; }

    /// <summary>The commit main points at: unchanged when nothing was saved.</summary>
    protected string MainCommit() => Git.Run(Factory.RepositoryPath, "rev-parse", "main").Trim();

    public void Dispose()
    {
        Factory.Dispose();
        Seed.Dispose();
        GC.SuppressFinalize(this);
    }
}
