using KbCore.Content;
using KbCore.Search;
using KbCore.Search.Semantic;
using Microsoft.Extensions.DependencyInjection;

namespace KbServer.Tests.Infrastructure;

public static class IndexWaiting
{
    /// <summary>Waits until the background indexer has caught up with the published commit.</summary>
    public static Task WaitForIndexAsync(this KbServerFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _ = factory.Services; // starts the host
        var index = factory.Services.GetRequiredService<SearchIndex>();
        var store = factory.Services.GetRequiredService<ContentStore>();
        return UntilAsync(() => index.IndexedCommit == store.Current.CommitSha, TimeSpan.FromSeconds(30), () => $"index at {index.IndexedCommit ?? "nothing"}, content at {store.Current.CommitSha}");
    }

    /// <summary>Waits until the lexical index and the vectors both reflect the published commit.</summary>
    public static async Task WaitForVectorsAsync(this KbServerFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await factory.WaitForIndexAsync();
        var semantic = factory.Services.GetRequiredService<SemanticIndex>();
        var store = factory.Services.GetRequiredService<ContentStore>();
        await UntilAsync(() => semantic.Commit == store.Current.CommitSha, TimeSpan.FromSeconds(60), () => $"vectors {semantic.Progress} at {semantic.Commit ?? "nothing"}, content at {store.Current.CommitSha}");
    }

    private static async Task UntilAsync(Func<bool> done, TimeSpan timeout, Func<string> state)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(state());
            }

            await Task.Delay(25);
        }
    }
}
