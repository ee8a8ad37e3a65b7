using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Logistics.Distributed;

/// <summary>
/// In every worker: creates the study tables, then every <see cref="DistributedOptions.RecoveryIntervalSeconds"/>
/// creates jobs for items that have none (their creator died between planning them and enqueueing) and moves on
/// studies whose stage is complete but not advanced (the last item's worker died before advancing). Both steps are
/// idempotent, so any number of workers may run them. A database that is away (a PostgreSQL restart) is retried.
/// </summary>
public sealed class StudyRecoveryService(StudyStore store, StudyCoordinator coordinator, DistributedOptions options, ILogger<StudyRecoveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0.1, options.RecoveryIntervalSeconds));
        var schemaReady = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!schemaReady)
                {
                    await store.EnsureSchemaAsync(stoppingToken).ConfigureAwait(false);
                    schemaReady = true;
                }

                await coordinator.EnqueueAsync(null, TimeSpan.FromTicks(interval.Ticks * 2), stoppingToken).ConfigureAwait(false);
                foreach (var id in await store.StalledAsync(stoppingToken).ConfigureAwait(false))
                    await coordinator.AdvanceAsync(id, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.RecoveryFailed(logger, ex.Message);
            }

            try
            {
                await Task.Delay(interval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
