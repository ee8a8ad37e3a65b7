using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Logistics.Worker.Tests;

/// <summary>The inbox feed alone: real job folders, a channel the test reads, no host and no builder.</summary>
public sealed class InboxFeedTests
{
    [Fact]
    public async Task The_inbox_feed_resumes_jobs_left_in_processing_before_it_claims_from_the_inbox()
    {
        using var folder = new TestFolder();
        JobStore store = PreparedStore(folder);
        folder.Write(Path.Combine(store.Processing, "left-over.json"), """{ "network": "a.network.json" }""");
        folder.DropJob("new", """{ "network": "a.network.json" }""");
        var channel = Channel.CreateBounded<WorkItem>(4);
        using var stop = new CancellationTokenSource();
        Task feeding = Feed(folder).RunAsync(store, channel.Writer, stop.Token);

        WorkItem first = await ReadAsync(channel);
        Assert.Equal(WorkKind.Job, first.Kind);
        Assert.Equal(("left-over", true), (first.Job!.Name, first.Job.Resumed));
        WorkItem second = await ReadAsync(channel);
        Assert.Equal(("new", false), (second.Job!.Name, second.Job.Resumed));
        Assert.True(File.Exists(Path.Combine(store.Processing, "new.json")), "the claimed job moved to processing");
        Assert.Equal(JobState.Queued, store.ReadRecord(second.Job)!.State);

        await stop.CancelAsync();
        await feeding.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_inbox_feed_claims_nothing_while_the_channel_is_full_so_jobs_wait_as_files_in_the_inbox()
    {
        using var folder = new TestFolder();
        JobStore store = PreparedStore(folder);
        var channel = Channel.CreateBounded<WorkItem>(1);
        Assert.True(channel.Writer.TryWrite(WorkItem.ForNetwork(Path.Combine(folder.Networks, "busy.network.json"))));
        folder.DropJob("waiting", """{ "network": "a.network.json" }""");
        using var stop = new CancellationTokenSource();
        Task feeding = Feed(folder).RunAsync(store, channel.Writer, stop.Token);

        await Task.Delay(400);
        Assert.True(File.Exists(Path.Combine(folder.Inbox, "waiting.json")), "the job is still in the inbox");

        Assert.Equal(WorkKind.Network, (await ReadAsync(channel)).Kind);
        Assert.Equal("waiting", (await ReadAsync(channel)).Name);

        await stop.CancelAsync();
        await feeding.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static JobStore PreparedStore(TestFolder folder)
    {
        var store = new JobStore(folder.Jobs, TimeProvider.System, TimeSpan.FromMilliseconds(50));
        store.Prepare();
        return store;
    }

    private static InboxFeed Feed(TestFolder folder) =>
        new(
            Options.Create(new WorkerOptions { NetworksRoot = folder.Networks, ReportsRoot = folder.Reports, DebounceMilliseconds = 50, InboxPollMilliseconds = 50 }),
            new WorkerStatus(),
            TimeProvider.System,
            NullLogger<InboxFeed>.Instance);

    private static async Task<WorkItem> ReadAsync(Channel<WorkItem> channel)
    {
        using var timeout = new CancellationTokenSource(Poll.DefaultTimeoutMs);
        return await channel.Reader.ReadAsync(timeout.Token);
    }
}
