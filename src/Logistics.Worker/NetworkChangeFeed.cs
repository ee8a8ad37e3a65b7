using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Logistics.Worker;

/// <summary>
/// The network-change feed: a watcher on the networks folder, the debouncer that waits until a changed file is
/// complete, the start-up catch-up and the periodic rescan all mark networks dirty in one set
/// (<see cref="PendingNetworks"/>), and the feed hands them to the scheduler's channel one check per network at a time.
/// A full channel makes it wait; the set keeps memory bounded by the number of network files.
/// </summary>
public sealed class NetworkChangeFeed(
    IOptions<WorkerOptions> options,
    WorkerStatus status,
    TimeProvider clock,
    ILogger<NetworkChangeFeed> logger)
{
    private readonly PendingNetworks _pending = new();

    /// <summary>Networks marked dirty and not yet handed out.</summary>
    public int Pending => _pending.Count;

    /// <summary>
    /// Watches the networks folder, queues every network for a catch-up check, and writes checks into
    /// <paramref name="writer"/> until <paramref name="cancellationToken"/> stops it (it then returns without throwing).
    /// </summary>
    public async Task RunAsync(ChannelWriter<WorkItem> writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WorkerOptions o = options.Value;
        using var debouncer = new FileDebouncer(clock, TimeSpan.FromMilliseconds(o.DebounceMilliseconds), path => OnStable(path, o.NetworksRoot));
        using var watcher = new FolderWatcher(
            o.NetworksRoot,
            includeSubdirectories: true,
            path =>
            {
                WorkerLog.FileChanged(logger, path);
                debouncer.Touch(path);
            },
            e =>
            {
                // Events were lost: any network may have changed.
                WorkerLog.WatcherError(logger, o.NetworksRoot, e.Message);
                MarkAllNetworks(o.NetworksRoot);
            });

        // Catch-up goes through the debouncer too: a file being copied in while the worker starts is read complete.
        IReadOnlyList<string> existing = NetworkFiles(o.NetworksRoot);
        foreach (string network in existing)
        {
            debouncer.Touch(network);
        }

        WorkerLog.CatchUp(logger, existing.Count);
        await Task.WhenAll(
            Loops.UntilStopped(() => PumpAsync(writer, cancellationToken)),
            Loops.UntilStopped(() => RescanAsync(o, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>A check of <paramref name="networkPath"/> has ended: a change that came in meanwhile may now be handed out.</summary>
    public void Finished(string networkPath) => _pending.Finished(networkPath);

    /// <summary>Whether a path is a network the worker reports on: <c>*.network.json</c>, not hidden, at the top of the networks folder.</summary>
    public static bool IsWatchedNetwork(string path, string networksRoot)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(ReportRunner.NetworkSuffix, StringComparison.Ordinal)
            && !Path.GetFileName(path).StartsWith('.')
            && string.Equals(Path.GetDirectoryName(path), networksRoot, StringComparison.Ordinal);
    }

    private async Task PumpAsync(ChannelWriter<WorkItem> writer, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            string path = await _pending.TakeAsync(cancellationToken).ConfigureAwait(false);
            status.SetQueue(networksPending: _pending.Count);
            await writer.WriteAsync(WorkItem.ForNetwork(path), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RescanAsync(WorkerOptions o, CancellationToken cancellationToken)
    {
        if (o.RescanIntervalSeconds == 0)
        {
            return;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(o.RescanIntervalSeconds), clock, cancellationToken).ConfigureAwait(false);
            MarkAllNetworks(o.NetworksRoot);
        }
    }

    private void OnStable(string path, string networksRoot)
    {
        WorkerLog.FileStable(logger, path);
        if (IsWatchedNetwork(path, networksRoot))
        {
            _pending.MarkDirty(path);
            status.SetQueue(networksPending: _pending.Count);
        }
        else
        {
            // An overlay or other input changed: every network is checked, and the report key skips those it does not feed.
            MarkAllNetworks(networksRoot);
        }
    }

    private void MarkAllNetworks(string networksRoot)
    {
        foreach (string network in NetworkFiles(networksRoot))
        {
            _pending.MarkDirty(network);
        }

        status.SetQueue(networksPending: _pending.Count);
    }

    private static IReadOnlyList<string> NetworkFiles(string networksRoot)
    {
        try
        {
            return [.. Directory.EnumerateFiles(networksRoot, "*" + ReportRunner.NetworkSuffix)
                .Where(p => IsWatchedNetwork(p, networksRoot))
                .Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder is unreadable for now; the next event or rescan tries again.
            return [];
        }
    }
}
