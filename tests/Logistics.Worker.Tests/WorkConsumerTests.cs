using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;

namespace Logistics.Worker.Tests;

/// <summary>The consumer alone: a channel the test fills and a run the test supplies.</summary>
public sealed class WorkConsumerTests
{
    [Fact]
    public async Task A_consumer_slot_shows_the_running_item_in_the_status_and_ends_every_item_even_one_that_throws()
    {
        var status = new WorkerStatus();
        var consumer = new WorkConsumer(status, TimeProvider.System, NullLogger<WorkConsumer>.Instance);
        var channel = Channel.CreateUnbounded<WorkItem>();
        WorkItem network = WorkItem.ForNetwork(Path.Combine("networks", "a.network.json"));
        WorkItem job = WorkItem.ForJob(new ClaimedJob("board", Path.Combine("processing", "board.json"), Resumed: false));
        channel.Writer.TryWrite(network);
        channel.Writer.TryWrite(job);
        channel.Writer.Complete();
        var seenRunning = new List<RunningWork>();
        var ended = new List<WorkItem>();

        await consumer.RunSlotAsync(
            channel.Reader,
            (item, _) =>
            {
                seenRunning.AddRange(status.Snapshot(DateTimeOffset.UnixEpoch, 1).Running);
                return item.Kind == WorkKind.Network ? throw new InvalidOperationException("the builder crashed") : Task.CompletedTask;
            },
            ended.Add,
            CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([(WorkKind.Network, "a"), (WorkKind.Job, "board")], seenRunning.Select(r => (r.Kind, r.Name)));
        Assert.Equal([network, job], ended);
        Assert.Empty(status.Snapshot(DateTimeOffset.UnixEpoch, 1).Running);
    }

    [Fact]
    public async Task A_stop_interrupts_the_running_item_ends_it_and_ends_the_slot_quietly()
    {
        var status = new WorkerStatus();
        var consumer = new WorkConsumer(status, TimeProvider.System, NullLogger<WorkConsumer>.Instance);
        var channel = Channel.CreateUnbounded<WorkItem>();
        WorkItem job = WorkItem.ForJob(new ClaimedJob("long", Path.Combine("processing", "long.json"), Resumed: false));
        channel.Writer.TryWrite(job);
        var started = new TaskCompletionSource();
        var ended = new List<WorkItem>();
        using var stop = new CancellationTokenSource();

        Task slot = consumer.RunSlotAsync(
            channel.Reader,
            async (_, ct) =>
            {
                started.SetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            },
            ended.Add,
            stop.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Single(status.Snapshot(DateTimeOffset.UnixEpoch, 1).Running);

        await stop.CancelAsync();
        await slot.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([job], ended);
        Assert.Empty(status.Snapshot(DateTimeOffset.UnixEpoch, 1).Running);
    }
}
