using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Logistics.Worker;

/// <summary>
/// The worker's background service, in three parts joined by one bounded channel: the network-change feed
/// (<see cref="NetworkChangeFeed"/>) and the inbox feed (<see cref="InboxFeed"/>) write work into it, and
/// MaxConcurrentJobs slots of the <see cref="WorkConsumer"/> take it and run it through the <see cref="ReportRunner"/>.
/// A full channel makes the feeds wait: dirty networks stay a set, jobs stay files in the inbox. This class only
/// prepares the folders, starts the parts and stops them in order; on stop the token cancels running builds, which
/// record themselves for resume.
/// </summary>
public sealed class ReportScheduler(
    IOptions<WorkerOptions> options,
    NetworkChangeFeed networks,
    InboxFeed inbox,
    WorkConsumer consumer,
    ReportRunner runner,
    WorkerStatus status,
    StatusWriter statusWriter,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<ReportScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the first file-system scan.
        await Task.Yield();
        WorkerOptions o = options.Value;
        var store = new JobStore(o.EffectiveInboxRoot, clock, TimeSpan.FromMilliseconds(o.DebounceMilliseconds));
        int removed;
        try
        {
            Directory.CreateDirectory(o.ReportsRoot);
            store.Prepare();
            removed = BundlePublisher.RemoveAbandonedTemporaryEntries(o.ReportsRoot);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing can be written: say so plainly and stop with a documented exit code instead of a stack trace.
            WorkerLog.FoldersUnusable(logger, o.ReportsRoot, store.Root, e.Message);
            Environment.ExitCode = WorkerExitCodes.FoldersUnusable;
            lifetime.StopApplication();
            return;
        }

        if (removed > 0)
        {
            WorkerLog.TemporaryEntriesRemoved(logger, removed);
        }

        if (StatusWriter.TryRead(o.ReportsRoot) is { } previous && previous.Networks is not null)
        {
            status.Restore(previous.Networks);
        }

        WorkerLog.WorkerStarted(logger, o.NetworksRoot, o.ReportsRoot, store.Root, o.MaxConcurrentJobs);
        var work = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(o.MaxConcurrentJobs) { FullMode = BoundedChannelFullMode.Wait });
        Task statusTask = statusWriter.RunAsync(o.ReportsRoot, o.MaxConcurrentJobs, stoppingToken);

        Task[] slots = [.. Enumerable.Range(0, o.MaxConcurrentJobs).Select(_ => consumer.RunSlotAsync(
            work.Reader,
            (item, ct) => item.Job is { } job ? runner.RunJobAsync(store, job, ct) : runner.RunNetworkAsync(item.NetworkPath!, ct),
            item =>
            {
                if (item.NetworkPath is { } path)
                {
                    networks.Finished(path);
                }
            },
            stoppingToken))];
        Task[] feeds = [inbox.RunAsync(store, work.Writer, stoppingToken), networks.RunAsync(work.Writer, stoppingToken)];

        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            WorkerLog.Stopping(logger);
        }

        await Task.WhenAll(feeds).ConfigureAwait(false);
        work.Writer.TryComplete();
        await Task.WhenAll(slots).ConfigureAwait(false);
        await statusTask.ConfigureAwait(false);

        // The writer's last write may predate the slots recording their interruptions.
        statusWriter.Write(StatusWriter.PathIn(o.ReportsRoot), o.MaxConcurrentJobs);
        WorkerLog.WorkerStopped(logger);
    }
}
