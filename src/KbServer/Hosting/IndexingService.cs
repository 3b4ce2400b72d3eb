using KbCore.Content;
using KbCore.Search;

namespace KbServer.Hosting;

/// <summary>Keeps the search index at the published commit (see <see cref="ContentFollowingService"/>).</summary>
internal sealed class IndexingService(ContentStore store, SearchIndex index, ILogger<IndexingService> logger) : ContentFollowingService(store)
{
    protected override Task ApplyAsync(ContentSnapshot snapshot, CancellationToken stoppingToken)
    {
        try
        {
            index.Update(snapshot);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Search must not take the help center down: log, and rebuild from git next time.
            logger.LogError(e, "Indexing {Commit} failed; rebuilding", snapshot.ShortSha);
            try
            {
                index.Rebuild(snapshot);
            }
            catch (Exception again) when (again is not OperationCanceledException)
            {
                logger.LogError(again, "Rebuilding the search index failed");
            }
        }

        return Task.CompletedTask;
    }
}
