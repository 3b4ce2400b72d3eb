using System.Threading.Channels;
using KbCore.Content;
using KbCore.Search;

namespace KbServer.Hosting;

/// <summary>
/// Keeps the search index at the published commit: catches up on start, then follows the single
/// "content changed" event. Work is queued so the refresh that raised the event never waits for Lucene;
/// bursts of pushes collapse into one update to the newest snapshot.
/// </summary>
internal sealed class IndexingService(ContentStore store, SearchIndex index, ILogger<IndexingService> logger) : BackgroundService
{
    private readonly Channel<ContentSnapshot> _queue = Channel.CreateBounded<ContentSnapshot>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        store.ContentChanged += OnContentChanged;
        return base.StartAsync(cancellationToken);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        store.ContentChanged -= OnContentChanged;
        return base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        _queue.Writer.TryWrite(store.Current);
        await foreach (var snapshot in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
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
        }
    }

    private void OnContentChanged(object? sender, ContentChangedEventArgs e) => _queue.Writer.TryWrite(e.Snapshot);
}
