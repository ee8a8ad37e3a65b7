using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Logistics.Worker.Tests;

/// <summary>The network-change feed alone: real files and watcher, a channel the test reads, no host and no builder.</summary>
public sealed class NetworkChangeFeedTests
{
    [Fact]
    public async Task The_network_feed_hands_out_every_top_level_network_once_at_start_and_nothing_else()
    {
        using var folder = new TestFolder();
        string b = folder.WriteNetwork("b");
        string a = folder.WriteNetwork("a");
        folder.Write(Path.Combine(folder.Networks, "a.suez.scenario.json"), TinyNetwork.OverlayJson("suez", "closed"));
        folder.Write(Path.Combine(folder.Networks, "nested", "c.network.json"), TestFolder.NetworkJson("c"));
        await using var run = FeedRun.Start(folder);

        // Each file's quiet period ends on its own timer, so the two may come in either order.
        WorkItem[] caughtUp = [await run.NextAsync(), await run.NextAsync()];
        Assert.Equal([WorkItem.ForNetwork(a), WorkItem.ForNetwork(b)], caughtUp.OrderBy(w => w.Name, StringComparer.Ordinal));
        Assert.All(caughtUp, w => Assert.Equal(WorkKind.Network, w.Kind));
        Assert.Null(await run.NextOrNullAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task A_network_changed_while_its_check_runs_is_handed_out_again_only_after_the_check_has_ended()
    {
        using var folder = new TestFolder();
        string a = folder.WriteNetwork("a");
        await using var run = FeedRun.Start(folder);
        Assert.Equal(WorkItem.ForNetwork(a), await run.NextAsync());

        // The check of a is running (not finished): the change waits in the set.
        folder.WriteNetwork("a", TestFolder.NetworkJson("a") + "\n// edited\n");
        Assert.Null(await run.NextOrNullAsync(TimeSpan.FromMilliseconds(400)));
        Assert.Equal(1, run.Feed.Pending);

        run.Feed.Finished(a);
        Assert.Equal(WorkItem.ForNetwork(a), await run.NextAsync());
        Assert.Equal(0, run.Feed.Pending);
    }

    [Fact]
    public async Task A_changed_overlay_makes_the_network_feed_check_every_network()
    {
        using var folder = new TestFolder();
        string a = folder.WriteNetwork("a");
        string b = folder.WriteNetwork("b");
        await using var run = FeedRun.Start(folder);
        WorkItem[] caughtUp = [await run.NextAsync(), await run.NextAsync()];
        Assert.Equal([WorkItem.ForNetwork(a), WorkItem.ForNetwork(b)], caughtUp.OrderBy(w => w.Name, StringComparer.Ordinal));
        run.Feed.Finished(a);
        run.Feed.Finished(b);

        folder.Write(Path.Combine(folder.Networks, "a.suez.scenario.json"), TinyNetwork.OverlayJson("suez", "closed"));
        WorkItem[] next = [await run.NextAsync(), await run.NextAsync()];
        Assert.Equal([WorkItem.ForNetwork(a), WorkItem.ForNetwork(b)], next.OrderBy(w => w.Name, StringComparer.Ordinal));
    }

    /// <summary>The feed running on a folder with a 50 ms debounce and no rescan; disposing stops it and checks it ended quietly.</summary>
    private sealed class FeedRun : IAsyncDisposable
    {
        private readonly Channel<WorkItem> _channel = Channel.CreateBounded<WorkItem>(4);
        private readonly CancellationTokenSource _stop = new();
        private Task _running = Task.CompletedTask;

        private FeedRun(NetworkChangeFeed feed) => Feed = feed;

        public NetworkChangeFeed Feed { get; }

        public static FeedRun Start(TestFolder folder)
        {
            var options = new WorkerOptions { NetworksRoot = folder.Networks, ReportsRoot = folder.Reports, DebounceMilliseconds = 50, RescanIntervalSeconds = 0 };
            var run = new FeedRun(new NetworkChangeFeed(Options.Create(options), new WorkerStatus(), TimeProvider.System, NullLogger<NetworkChangeFeed>.Instance));
            run._running = run.Feed.RunAsync(run._channel.Writer, run._stop.Token);
            return run;
        }

        public async Task<WorkItem> NextAsync() =>
            await NextOrNullAsync(TimeSpan.FromMilliseconds(Poll.DefaultTimeoutMs)) ?? throw new TimeoutException("the feed handed out nothing");

        public async Task<WorkItem?> NextOrNullAsync(TimeSpan wait)
        {
            using var timeout = new CancellationTokenSource(wait);
            try
            {
                return await _channel.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
            _stop.Dispose();
        }
    }
}
