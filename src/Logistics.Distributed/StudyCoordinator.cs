using System.Collections.Immutable;

using Hangfire;
using Hangfire.Common;
using Hangfire.States;

using Logistics.Analysis;

using Microsoft.Extensions.Logging;

using Npgsql;

namespace Logistics.Distributed;

/// <summary>
/// Moves a study on when a stage is complete: plans the next stage's items (and creates their Hangfire jobs), or,
/// after the last stage, assembles the report and stores it. Runs in whichever process finished the stage's last
/// item, under a row lock on the study, so it happens once however many workers finish at the same moment; if that
/// process dies first, <see cref="StudyRecoveryService"/> does it.
/// </summary>
public sealed class StudyCoordinator(StudyStore store, StudyContexts contexts, IBackgroundJobClient jobs, ILogger<StudyCoordinator> logger)
{
    /// <summary>Plans the next stage or assembles the study if its current stage has nothing left to run; then creates missing jobs.</summary>
    public async Task AdvanceAsync(long studyId, CancellationToken cancellationToken)
    {
        await using (var connection = await store.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            var study = await LockAsync(connection, studyId, cancellationToken).ConfigureAwait(false);
            if (study is null || study.State != "running" || await PendingAsync(connection, study, cancellationToken).ConfigureAwait(false))
                return;

            var plan = StudyPlans.For(study.Definition.Kind);
            try
            {
                var stage = study.Stage;
                var context = await contexts.GetAsync(study, stage + 1, cancellationToken).ConfigureAwait(false);
                while (true)
                {
                    var next = stage + 1;
                    if (plan.UnitCount(context, next) is not { } units)
                    {
                        await AssembleAsync(connection, study, plan, context, cancellationToken).ConfigureAwait(false);
                        break;
                    }

                    if (units == 0)
                    {
                        // Nothing to run (a sweep without switching points): the stage is complete as soon as it starts.
                        context = new StudyContext(study.Id, study.Definition, context.Source, context.EarlierStages.Add([]));
                        stage = next;
                        continue;
                    }

                    await AddItemsAsync(connection, study, next, units, cancellationToken).ConfigureAwait(false);
                    break;
                }
            }
            catch (StudyFailedException ex)
            {
                await SetStateAsync(connection, studyId, "failed", ex.Message, null, cancellationToken).ConfigureAwait(false);
                Log.StudyFailed(logger, studyId, ex.Message);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await EnqueueAsync(studyId, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the Hangfire job of every queued item that has none (of one study, or of all when null).</summary>
    public async Task EnqueueAsync(long? studyId, TimeSpan olderThan, CancellationToken cancellationToken)
    {
        foreach (var item in await store.WithoutJobAsync(studyId, olderThan, cancellationToken).ConfigureAwait(false))
        {
            // The item's row stays locked from the check to the job id, so two processes (the one that planned the stage,
            // still enqueueing a long list, and another's recovery loop) never both make a job for it: duplicate jobs
            // each started the item, and the third start counted it as abandoned by dead workers.
            await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (!await StudyStore.LockWithoutJobAsync(connection, item, cancellationToken).ConfigureAwait(false))
                continue;

            // The queue is set on the job itself, so Hangfire's retries re-enqueue it there too (not on "default").
            var job = jobs.Create(
                Job.FromExpression<StudyItemJob>(j => j.RunAsync(item.StudyId, item.Stage, item.Item, CancellationToken.None), DistributedOptions.Queue),
                new EnqueuedState(DistributedOptions.Queue));
            await StudyStore.SetJobAsync(connection, item, job, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<StoredStudy?> LockAsync(NpgsqlConnection connection, long studyId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select definition, input_hash, state, stage, message from logistics_study where id = $1 for update", connection);
        command.Parameters.Add(new() { Value = studyId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new StoredStudy(studyId, StudyDefinition.FromJson(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4));
    }

    private static async Task<bool> PendingAsync(NpgsqlConnection connection, StoredStudy study, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select exists (select 1 from logistics_study_item where study_id = $1 and stage = $2 and state in ('queued', 'running'))", connection);
        command.Parameters.Add(new() { Value = study.Id });
        command.Parameters.Add(new() { Value = study.Stage });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task AddItemsAsync(NpgsqlConnection connection, StoredStudy study, int stage, int units, CancellationToken cancellationToken)
    {
        var size = Math.Max(1, study.Definition.ItemSize);
        for (int first = 0, item = 0; first < units; first += size, item++)
        {
            await using var insert = new NpgsqlCommand(
                "insert into logistics_study_item (study_id, stage, item, first_unit, unit_count) values ($1, $2, $3, $4, $5) on conflict do nothing", connection);
            StudyStore.AddKey(insert, study.Id, stage, item);
            insert.Parameters.Add(new() { Value = first });
            insert.Parameters.Add(new() { Value = Math.Min(size, units - first) });
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var update = new NpgsqlCommand("update logistics_study set stage = $2 where id = $1", connection);
        update.Parameters.Add(new() { Value = study.Id });
        update.Parameters.Add(new() { Value = stage });
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task AssembleAsync(NpgsqlConnection connection, StoredStudy study, IStudyPlan plan, StudyContext context, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "select coalesce(sum(solves), 0)::int, coalesce(sum(unproven), 0)::int, count(*) filter (where state = 'failed')::int from logistics_study_item where study_id = $1", connection);
        command.Parameters.Add(new() { Value = study.Id });
        int solves, unproven, failed;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            (solves, unproven, failed) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
        }

        var result = plan.Assemble(context, new SolveTally(solves, unproven));
        var message = failed == 0 ? null : $"{failed} item(s) failed after every attempt; their units are reported as errors (see the item list).";
        await SetStateAsync(connection, study.Id, failed == 0 ? "done" : "partial", message, result, cancellationToken).ConfigureAwait(false);
        Log.StudyAssembled(logger, study.Id, failed);
    }

    private static async Task SetStateAsync(NpgsqlConnection connection, long studyId, string state, string? message, string? result, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("update logistics_study set state = $2, message = $3, result = $4, finished_at = clock_timestamp() where id = $1", connection);
        command.Parameters.Add(new() { Value = studyId });
        command.Parameters.Add(new() { Value = state });
        command.Parameters.Add(new() { Value = (object?)message ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)result ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

internal static partial class Log
{
    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Study {StudyId} assembled ({Failed} failed item(s))")]
    public static partial void StudyAssembled(ILogger logger, long studyId, int failed);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Error, Message = "Study {StudyId} failed: {Reason}")]
    public static partial void StudyFailed(ILogger logger, long studyId, string reason);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "Study {StudyId} item {Stage}/{Item} failed on attempt {Attempt}: {Reason}")]
    public static partial void ItemAttemptFailed(ILogger logger, long studyId, int stage, int item, int attempt, string reason);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Error, Message = "Study {StudyId} item {Stage}/{Item} reported as failed after {Attempts} attempt(s): {Reason}")]
    public static partial void ItemPoisoned(ILogger logger, long studyId, int stage, int item, int attempts, string reason);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Information, Message = "Study {StudyId} item {Stage}/{Item} handed back on shutdown")]
    public static partial void ItemHandedBack(ILogger logger, long studyId, int stage, int item);

    [LoggerMessage(EventId = 1406, Level = LogLevel.Information, Message = "Study {StudyId} item {Stage}/{Item} done by another run first; this run's result is discarded")]
    public static partial void ItemDuplicate(ILogger logger, long studyId, int stage, int item);

    [LoggerMessage(EventId = 1407, Level = LogLevel.Warning, Message = "Study recovery pass failed (will retry): {Reason}")]
    public static partial void RecoveryFailed(ILogger logger, string reason);
}
