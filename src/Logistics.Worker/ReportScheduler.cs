using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Logistics.Worker;

/// <summary>
/// The worker's background service. Producers (the network watcher with its debouncer, start-up catch-up, periodic
/// rescan, the inbox feeder and jobs resumed from processing) put work into one bounded channel; MaxConcurrentJobs
/// consumers take it. A full channel makes producers wait: dirty networks stay a set, jobs stay files in the inbox.
/// On stop the token cancels running builds, which record themselves for resume.
/// </summary>
public sealed class ReportScheduler(
    IOptions<WorkerOptions> options,
    ReportRunner runner,
    WorkerStatus status,
    StatusWriter statusWriter,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<ReportScheduler> logger) : BackgroundService
{
    private readonly PendingNetworks _pending = new();
    private readonly Channel<bool> _inboxWake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the first file-system scan.
        await Task.Yield();
        WorkerOptions o = options.Value;
        TimeSpan debounce = TimeSpan.FromMilliseconds(o.DebounceMilliseconds);
        var store = new JobStore(o.EffectiveInboxRoot, clock, debounce);
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
            Environment.ExitCode = ExitCodes.FoldersUnusable;
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

        using var debouncer = new FileDebouncer(clock, debounce, path => OnStable(path, o.NetworksRoot));
        using var networkWatcher = new FolderWatcher(
            o.NetworksRoot,
            includeSubdirectories: true,
            path =>
            {
                WorkerLog.FileChanged(logger, path);
                debouncer.Touch(path);
            },
            e =>
            {
                WorkerLog.WatcherError(logger, o.NetworksRoot, e.Message);
                MarkAllNetworks(o.NetworksRoot);
            });
        using var inboxWatcher = new FolderWatcher(store.Inbox, includeSubdirectories: false, _ => _inboxWake.Writer.TryWrite(true), _ => _inboxWake.Writer.TryWrite(true));

        Task[] consumers = [.. Enumerable.Range(0, o.MaxConcurrentJobs).Select(_ => ConsumeAsync(work.Reader, store, stoppingToken))];
        Task[] producers =
        [
            Guard(() => ResumeAndFeedJobsAsync(store, work.Writer, debounce, stoppingToken)),
            Guard(() => PumpNetworksAsync(work.Writer, stoppingToken)),
            Guard(() => RescanAsync(o, stoppingToken)),
        ];

        // Catch-up goes through the debouncer too: a file being copied in while the worker starts is read complete.
        IReadOnlyList<string> existing = NetworkFiles(o.NetworksRoot);
        foreach (string network in existing)
        {
            debouncer.Touch(network);
        }

        WorkerLog.CatchUp(logger, existing.Count);

        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            WorkerLog.Stopping(logger);
        }

        await Task.WhenAll(producers).ConfigureAwait(false);
        work.Writer.TryComplete();
        await Task.WhenAll(consumers).ConfigureAwait(false);
        await statusTask.ConfigureAwait(false);

        // The writer's last write may predate the consumers recording their interruptions.
        statusWriter.Write(StatusWriter.PathIn(o.ReportsRoot), o.MaxConcurrentJobs);
        WorkerLog.WorkerStopped(logger);
    }

    private async Task ConsumeAsync(ChannelReader<WorkItem> reader, JobStore store, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (WorkItem item in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                status.SetQueue(waiting: reader.Count);
                int running = status.BeginRun(item.Key, new RunningWork(item.Kind, item.Name, item.Network, clock.GetUtcNow()));
                WorkerLog.WorkStarted(logger, item.Kind, item.Name, running);
                try
                {
                    Task run = item.Job is { } job
                        ? runner.RunJobAsync(store, job, cancellationToken)
                        : runner.RunNetworkAsync(item.NetworkPath!, cancellationToken);
                    await run.ConfigureAwait(false);
                    WorkerLog.WorkFinished(logger, item.Kind, item.Name);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    WorkerLog.WorkInterrupted(logger, item.Kind, item.Name);
                    throw;
                }
                catch (Exception e)
                {
                    // Last resort (for example a job folder that cannot be written): the job stays in processing and
                    // is resumed at the next start; this slot carries on.
                    WorkerLog.WorkFailed(logger, e, item.Kind, item.Name, e.Message);
                }
                finally
                {
                    status.EndRun(item.Key);
                    if (item.NetworkPath is { } path)
                    {
                        _pending.Finished(path);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: items still in the channel are jobs in processing (resumed) or networks (caught up) next start.
        }
    }

    private async Task ResumeAndFeedJobsAsync(JobStore store, ChannelWriter<WorkItem> writer, TimeSpan poll, CancellationToken cancellationToken)
    {
        foreach (ClaimedJob job in store.ListProcessing())
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
                Safe(() => store.WriteProcessingRecord(job, new JobRecord(job.Name, JobRecord.Queued, clock.GetUtcNow())));
                await writer.WriteAsync(WorkItem.ForJob(job), cancellationToken).ConfigureAwait(false);
                status.SetQueue(jobsInInbox: left);
            }

            if (!claimedAny)
            {
                // The watcher wakes us early; the poll covers shares where it sees nothing and files still settling.
                await WaitForSignalAsync(_inboxWake.Reader, poll, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task PumpNetworksAsync(ChannelWriter<WorkItem> writer, CancellationToken cancellationToken)
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
            // An overlay or other input changed: every network is checked, and the hash skips those it does not feed.
            MarkAllNetworks(networksRoot);
        }
    }

    private static IReadOnlyList<string> NetworkFiles(string networksRoot) =>
        Safe(
            () => [.. Directory.EnumerateFiles(networksRoot, "*" + ReportRunner.NetworkSuffix)
                .Where(p => IsWatchedNetwork(p, networksRoot))
                .Order(StringComparer.Ordinal)],
            (IReadOnlyList<string>)[]);

    private void MarkAllNetworks(string networksRoot)
    {
        IReadOnlyList<string> networks = NetworkFiles(networksRoot);
        foreach (string network in networks)
        {
            _pending.MarkDirty(network);
        }

        status.SetQueue(networksPending: _pending.Count);
    }

    private static bool IsWatchedNetwork(string path, string networksRoot) =>
        path.EndsWith(ReportRunner.NetworkSuffix, StringComparison.Ordinal)
        && !Path.GetFileName(path).StartsWith('.')
        && string.Equals(Path.GetDirectoryName(path), networksRoot, StringComparison.Ordinal);

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

    private static async Task Guard(Func<Task> loop)
    {
        try
        {
            await loop().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        catch (ChannelClosedException)
        {
            // Stopping.
        }
    }

    private static T Safe<T>(Func<T> action, T fallback)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return fallback;
        }
    }

    private static void Safe(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The job runs all the same; its record is written when it starts.
        }
    }

    /// <summary>One unit of work in the channel: a watched network or a claimed job.</summary>
    private sealed record WorkItem(string Kind, string Name, string? Network, string? NetworkPath, ClaimedJob? Job)
    {
        public string Key => Kind + ":" + Name;

        public static WorkItem ForNetwork(string path) =>
            new("network", ReportRunner.NetworkName(path), ReportRunner.NetworkName(path), path, null);

        public static WorkItem ForJob(ClaimedJob job) => new("job", job.Name, null, null, job);
    }
}
