using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Logistics.Worker;

/// <summary>
/// The inbox feed: jobs a previous run left in <c>processing/</c> first (resumed), then inbox files claimed one at a
/// time, only when the scheduler's channel has room, so the inbox stays the durable queue. A watcher on the inbox wakes
/// it early; otherwise it looks again every <see cref="WorkerOptions.InboxPollMilliseconds"/> (shares where the
/// watcher sees nothing, and files still settling: a file is claimed only once it has stayed unchanged for the debounce time).
/// </summary>
public sealed class InboxFeed(
    IOptions<WorkerOptions> options,
    WorkerStatus status,
    TimeProvider clock,
    ILogger<InboxFeed> logger)
{
    /// <summary>Resumes and claims jobs from <paramref name="store"/> into <paramref name="writer"/> until <paramref name="cancellationToken"/> stops it (it then returns without throwing).</summary>
    public Task RunAsync(JobStore store, ChannelWriter<WorkItem> writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(writer);
        return Loops.UntilStopped(() => FeedAsync(store, writer, TimeSpan.FromMilliseconds(options.Value.InboxPollMilliseconds), cancellationToken));
    }

    private async Task FeedAsync(JobStore store, ChannelWriter<WorkItem> writer, TimeSpan poll, CancellationToken cancellationToken)
    {
        var wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var watcher = new FolderWatcher(store.Inbox, includeSubdirectories: false, _ => wake.Writer.TryWrite(true), _ => wake.Writer.TryWrite(true));
        foreach (ClaimedJob job in Safe(store.ListProcessing, []))
        {
            await writer.WriteAsync(WorkItem.ForJob(job), cancellationToken).ConfigureAwait(false);
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<string> names = Safe(store.ListInbox, []);
            int left = names.Count;
            bool claimedAny = false;
            status.SetQueue(jobsInInbox: left);
            foreach (string name in names)
            {
                if (!await writer.WaitToWriteAsync(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                ClaimedJob? job = Safe(() => store.TryClaim(name), null);
                left--;
                if (job is null)
                {
                    continue;
                }

                claimedAny = true;
                WorkerLog.JobClaimed(logger, job.Name);
                TryWriteQueuedRecord(store, job);
                await writer.WriteAsync(WorkItem.ForJob(job), cancellationToken).ConfigureAwait(false);
                status.SetQueue(jobsInInbox: left);
            }

            if (!claimedAny)
            {
                await WaitForSignalAsync(wake.Reader, poll, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void TryWriteQueuedRecord(JobStore store, ClaimedJob job)
    {
        try
        {
            store.WriteProcessingRecord(job, new JobRecord(job.Name, JobState.Queued, clock.GetUtcNow()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The job runs all the same; its record is written when it starts.
        }
    }

    private async Task WaitForSignalAsync(ChannelReader<bool> signal, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task delay = Task.Delay(timeout, clock, timeoutSource.Token);
        Task<bool> woken = signal.WaitToReadAsync(timeoutSource.Token).AsTask();
        await Task.WhenAny(delay, woken).ConfigureAwait(false);
        await timeoutSource.CancelAsync().ConfigureAwait(false);
        signal.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static T Safe<T>(Func<T> action, T fallback)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder is unreadable for now; the next poll tries again.
            return fallback;
        }
    }
}
