using System.Data.Common;
using System.Diagnostics;
using System.Globalization;

using Logistics.Analysis;

using Microsoft.Extensions.Logging;

namespace Logistics.Distributed;

/// <summary>
/// The Hangfire job of one work item: runs its units and stores their records. Counted once: a run whose item another
/// run already finished discards its result. A run that throws is retried by Hangfire; at the last attempt (a crash of
/// the worker counts as one) the item is stored as failed with its reason and the study goes on without it.
/// </summary>
public sealed class StudyItemJob(StudyStore store, StudyContexts contexts, StudyCoordinator coordinator, DistributedOptions options, ILogger<StudyItemJob> logger)
{
    private static readonly string Worker = Environment.MachineName + ":" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    public async Task RunAsync(long studyId, int stage, int item, CancellationToken cancellationToken)
    {
        var study = await store.FindAsync(studyId, cancellationToken).ConfigureAwait(false);
        var start = study is null ? null : await store.StartAsync(studyId, stage, item, Worker, cancellationToken).ConfigureAwait(false);
        if (study is null || start is null || start.State is "done" or "failed")
            return;
        if (study.State != "running")
            return;

        var plan = StudyPlans.For(study.Definition.Kind);
        if (start.Attempts > options.MaxAttempts)
        {
            var reason = string.Create(CultureInfo.InvariantCulture, $"started {start.Attempts - 1} times without finishing: the worker running it died each time (out of memory, killed, or a crash in the solver)");
            await FailAsync(study, plan, stage, item, start, reason, cancellationToken).ConfigureAwait(false);
            return;
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var context = await contexts.GetAsync(study, stage, cancellationToken).ConfigureAwait(false);
            var scheduler = new SolveScheduler(context.Settings);
            var units = new string?[start.UnitCount];
            for (var u = 0; u < start.UnitCount; u++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var unit = start.FirstUnit + u;
                var name = string.Create(CultureInfo.InvariantCulture, $"{study.Definition.Kind.ToString().ToLowerInvariant()}:{stage}:{unit}");
                if (options.FailUnits.Contains(name))
                    throw new InvalidOperationException($"unit {name} is listed in Distributed:FailUnits (a rehearsed poison item)");
                units[u] = plan.RunUnit(context, stage, unit, scheduler, cancellationToken);
            }

            cancellationToken.ThrowIfCancellationRequested();
            var tally = scheduler.Tally;
            if (!await store.FinishAsync(studyId, stage, item, new ItemResult([.. units], tally.Solves, tally.Unproven), null, clock.Elapsed.TotalMilliseconds, CancellationToken.None).ConfigureAwait(false))
                Log.ItemDuplicate(logger, studyId, stage, item);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown (SIGTERM): hand the item back so another worker takes it at once; Hangfire requeues its job.
            await store.HandBackAsync(studyId, stage, item, CancellationToken.None).ConfigureAwait(false);
            Log.ItemHandedBack(logger, studyId, stage, item);
            throw;
        }
        catch (DbException)
        {
            // The database went away (a PostgreSQL restart): not the item's fault. Give the attempt back if the database
            // is reachable again, and let Hangfire retry the job.
            try
            {
                await store.HandBackAsync(studyId, stage, item, CancellationToken.None).ConfigureAwait(false);
            }
            catch (DbException)
            {
                // Still away; the run then counts as an attempt, which MaxAttempts leaves room for.
            }

            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var reason = ex is StudyFailedException or AnalysisInputException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            if (start.Attempts < options.MaxAttempts)
            {
                Log.ItemAttemptFailed(logger, studyId, stage, item, start.Attempts, reason);
                throw;
            }

            await FailAsync(study, plan, stage, item, start, reason, cancellationToken).ConfigureAwait(false);
            return;
        }

        await coordinator.AdvanceAsync(studyId, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task FailAsync(StoredStudy study, IStudyPlan plan, int stage, int item, ItemStart start, string reason, CancellationToken cancellationToken)
    {
        Log.ItemPoisoned(logger, study.Id, stage, item, start.Attempts, reason);
        string?[] substitutes;
        try
        {
            var context = await contexts.GetAsync(study, stage, cancellationToken).ConfigureAwait(false);
            substitutes = [.. Enumerable.Range(start.FirstUnit, start.UnitCount).Select(u => plan.Substitute(context, stage, u, reason))];
        }
        catch (StudyFailedException)
        {
            // Nothing can stand in for this unit: the coordinator fails the study when it plans the next stage.
            substitutes = new string?[start.UnitCount];
        }

        await store.FinishAsync(study.Id, stage, item, new ItemResult([.. substitutes], 0, 0), reason, 0, CancellationToken.None).ConfigureAwait(false);
        await coordinator.AdvanceAsync(study.Id, CancellationToken.None).ConfigureAwait(false);
    }
}
