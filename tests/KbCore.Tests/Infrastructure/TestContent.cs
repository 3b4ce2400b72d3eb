using KbCore.Content;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KbCore.Tests.Infrastructure;

/// <summary>Builds the real content classes over a real repository path, as the server's DI would.</summary>
public static class TestContent
{
    public static ContentOptions Options(string repositoryPath, string? seedDirectory = null, string defaultVisibility = "public") => new()
    {
        Repository = repositoryPath,
        SeedDirectory = seedDirectory,
        DefaultVisibility = defaultVisibility,
    };

    public static ContentStore Store(string repositoryPath, string? seedDirectory = null, string defaultVisibility = "public")
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options(repositoryPath, seedDirectory, defaultVisibility));
        var repository = new ContentRepository(options, NullLogger<ContentRepository>.Instance);
        return new ContentStore(repository, options, NullLogger<ContentStore>.Instance);
    }

    /// <summary>The store and the single writer over one repository, wired as the server wires them.</summary>
    public static (ContentStore Store, ContentWriter Writer) Writer(string repositoryPath)
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options(repositoryPath));
        var repository = new ContentRepository(options, NullLogger<ContentRepository>.Instance);
        var store = new ContentStore(repository, options, NullLogger<ContentStore>.Instance);
        return (store, new ContentWriter(repository, store, new ContentWriteLock(), options));
    }

    /// <summary>The snapshot a store serves for one commit holding exactly <paramref name="files"/>.</summary>
    public static ContentSnapshot Snapshot(IReadOnlyDictionary<string, string?> files, string defaultVisibility = "public")
    {
        using var repo = TempGitRepo.CreateBare();
        repo.Commit(files);
        return Store(repo.Path, defaultVisibility: defaultVisibility).Current;
    }
}
