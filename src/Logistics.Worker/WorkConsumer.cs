using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Logistics.Worker;

/// <summary>
/// The consumer side of the scheduler: each slot (MaxConcurrentJobs of them) takes one item at a time from the
/// channel, marks it running in the status, runs it, and always marks it ended, so one failing item never stops a slot.
/// Only a stop ends a slot; items still in the channel then are jobs in processing (resumed) or networks (caught up)
/// at the next start.
/// </summary>
public sealed class WorkConsumer(WorkerStatus status, TimeProvider clock, ILogger<WorkConsumer> logger)
{
    /// <summary>Runs one slot until the channel completes or <paramref name="cancellationToken"/> stops it.</summary>
    /// <param name="run">Does the work (the report runner in the worker); may throw, which is logged and survived.</param>
    /// <param name="ended">Called after every item, however it ended (the network feed lets the next check of that network go).</param>
    public async Task RunSlotAsync(
        ChannelReader<WorkItem> reader,
        Func<WorkItem, CancellationToken, Task> run,
        Action<WorkItem> ended,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(ended);
        try
        {
            await foreach (WorkItem item in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await RunOneAsync(item, reader, run, ended, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    private async Task RunOneAsync(WorkItem item, ChannelReader<WorkItem> reader, Func<WorkItem, CancellationToken, Task> run, Action<WorkItem> ended, CancellationToken cancellationToken)
    {
        status.SetQueue(waiting: reader.Count);
        int running = status.BeginRun(item.Key, new RunningWork(item.Kind, item.Name, item.Network, clock.GetUtcNow()));
        WorkerLog.WorkStarted(logger, item.Kind.Word(), item.Name, running);
        try
        {
            await run(item, cancellationToken).ConfigureAwait(false);
            WorkerLog.WorkFinished(logger, item.Kind.Word(), item.Name);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            WorkerLog.WorkInterrupted(logger, item.Kind.Word(), item.Name);
            throw;
        }
        catch (Exception e)
        {
            // Last resort (for example a job folder that cannot be written): the job stays in processing and is
            // resumed at the next start; this slot carries on.
            WorkerLog.WorkFailed(logger, e, item.Kind.Word(), item.Name, e.Message);
        }
        finally
        {
            status.EndRun(item.Key);
            ended(item);
        }
    }
}
