using KbCore.Content;
using KbCore.Search;
using Microsoft.Extensions.DependencyInjection;

namespace KbServer.Tests.Infrastructure;

public static class IndexWaiting
{
    /// <summary>Waits until the background indexer has caught up with the published commit.</summary>
    public static async Task WaitForIndexAsync(this KbServerFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _ = factory.Services; // starts the host
        var index = factory.Services.GetRequiredService<SearchIndex>();
        var store = factory.Services.GetRequiredService<ContentStore>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (index.IndexedCommit != store.Current.CommitSha)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"index at {index.IndexedCommit ?? "nothing"}, content at {store.Current.CommitSha}");
            }

            await Task.Delay(25);
        }
    }
}
