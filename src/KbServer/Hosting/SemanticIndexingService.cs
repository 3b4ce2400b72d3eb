using KbCore.Content;
using KbCore.Search;
using KbCore.Search.Semantic;

namespace KbServer.Hosting;

/// <summary>
/// Keeps the article vectors at the published commit (see <see cref="ContentFollowingService"/>). It starts only
/// once the lexical index answers, so search works from the first seconds and hybrid ranking joins when the
/// vectors are there.
/// </summary>
internal sealed class SemanticIndexingService(ContentStore store, SearchIndex index, SemanticIndex semantic, ILogger<SemanticIndexingService> logger) : ContentFollowingService(store)
{
    protected override async Task<bool> ReadyAsync(CancellationToken stoppingToken)
    {
        if (semantic.Progress.State == "off")
        {
            return false;
        }

        while (index.IndexedCommit is null && !stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), stoppingToken).ConfigureAwait(false);
        }

        return true;
    }

    protected override async Task ApplyAsync(ContentSnapshot snapshot, CancellationToken stoppingToken)
    {
        try
        {
            // The model runs for minutes on a first start: off the thread pool, so requests are not starved.
            await Task.Factory.StartNew(() => semantic.Update(snapshot, cancellationToken: stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Semantic ranking is an addition: search stays lexical on the vectors it has.
            logger.LogError(e, "Updating semantic vectors to {Commit} failed", snapshot.ShortSha);
        }
    }
}
