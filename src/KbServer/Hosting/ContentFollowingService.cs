using System.Threading.Channels;
using KbCore.Content;

namespace KbServer.Hosting;

/// <summary>
/// A background follower of the single "content changed" event: it catches up with the published snapshot on
/// start, then applies each new one. Work is queued so the refresh that raised the event never waits for it, and
/// bursts of pushes collapse into one update to the newest snapshot.
/// </summary>
internal abstract class ContentFollowingService(ContentStore store) : BackgroundService
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

    /// <summary>Brings what this service keeps to <paramref name="snapshot"/>; failures are the service's to handle.</summary>
    protected abstract Task ApplyAsync(ContentSnapshot snapshot, CancellationToken stoppingToken);

    /// <summary>Waits until the service may start following; false when it has nothing to do at all.</summary>
    protected virtual Task<bool> ReadyAsync(CancellationToken stoppingToken) => Task.FromResult(true);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!await ReadyAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        _queue.Writer.TryWrite(store.Current);
        await foreach (var snapshot in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            await ApplyAsync(snapshot, stoppingToken).ConfigureAwait(false);
        }
    }

    private void OnContentChanged(object? sender, ContentChangedEventArgs e) => _queue.Writer.TryWrite(e.Snapshot);
}
