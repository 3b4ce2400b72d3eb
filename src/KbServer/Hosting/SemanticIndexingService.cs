using System.Threading.Channels;
using KbCore.Content;
using KbCore.Search;
using KbCore.Search.Semantic;

namespace KbServer.Hosting;

/// <summary>
/// Keeps the article vectors at the published commit, following the same "content changed" event as the search
/// index. It starts only once the lexical index answers, so search works from the first seconds and hybrid ranking
/// joins when the vectors are there; bursts of commits collapse into one update to the newest snapshot.
/// </summary>
internal sealed class SemanticIndexingService(ContentStore store, SearchIndex index, SemanticIndex semantic, ILogger<SemanticIndexingService> logger) : BackgroundService
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
        if (semantic.Progress.State == "off")
        {
            return;
        }

        while (index.IndexedCommit is null && !stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), stoppingToken).ConfigureAwait(false);
        }

        _queue.Writer.TryWrite(store.Current);
        await foreach (var snapshot in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
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

    private void OnContentChanged(object? sender, ContentChangedEventArgs e) => _queue.Writer.TryWrite(e.Snapshot);
}
