using System.Collections.Immutable;

using Npgsql;

using NpgsqlTypes;

namespace Logistics.Distributed;

/// <summary>
/// The study tables in PostgreSQL (docs/distributed.md, "What is stored"): studies keyed by inputs and settings, their
/// input files by content hash, and their work items keyed by (study, stage, item) so an item's result is written
/// once however often it runs. Hangfire keeps its own tables in its own schema.
/// </summary>
public sealed class StudyStore(NpgsqlDataSource dataSource)
{
    private const long SchemaLock = 0x4C6F6769737469; // advisory lock id: several workers starting at once create the tables once

    public NpgsqlDataSource DataSource { get; } = dataSource;

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await Execute(connection, "select pg_advisory_xact_lock(" + SchemaLock + ")", cancellationToken).ConfigureAwait(false);
        await Execute(connection, """
            create table if not exists logistics_input (
                input_hash text not null,
                rel_path text not null,
                content bytea not null,
                primary key (input_hash, rel_path));
            create table if not exists logistics_study (
                id bigserial primary key,
                study_key text not null unique,
                kind text not null,
                definition text not null,
                input_hash text not null,
                state text not null default 'running',
                stage int not null default 0,
                message text,
                result text,
                submitted_at timestamptz not null default clock_timestamp(),
                last_item_at timestamptz,
                finished_at timestamptz);
            create table if not exists logistics_study_item (
                study_id bigint not null references logistics_study(id),
                stage int not null,
                item int not null,
                first_unit int not null,
                unit_count int not null,
                state text not null default 'queued',
                attempts int not null default 0,
                job_id text,
                worker text,
                error text,
                result text,
                solves int,
                unproven int,
                run_ms double precision,
                created_at timestamptz not null default clock_timestamp(),
                started_at timestamptz,
                finished_at timestamptz,
                primary key (study_id, stage, item));
            """, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores the study, or finds the one with the same key; true when it was already there.</summary>
    public async Task<(long Id, bool Reused)> SubmitAsync(StudyDefinition definition, string inputHash, IReadOnlyList<StudyInputFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(files);
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var file in files)
        {
            await using var insert = new NpgsqlCommand("insert into logistics_input (input_hash, rel_path, content) values ($1, $2, $3) on conflict do nothing", connection);
            insert.Parameters.Add(new() { Value = inputHash });
            insert.Parameters.Add(new() { Value = file.RelativePath });
            insert.Parameters.Add(new() { Value = file.Content, NpgsqlDbType = NpgsqlDbType.Bytea });
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var key = definition.Key(inputHash);
        await using var study = new NpgsqlCommand(
            "insert into logistics_study (study_key, kind, definition, input_hash, stage) values ($1, $2, $3, $4, -1) on conflict (study_key) do nothing returning id", connection);
        study.Parameters.Add(new() { Value = key });
        study.Parameters.Add(new() { Value = definition.Kind.ToString().ToLowerInvariant() });
        study.Parameters.Add(new() { Value = definition.ToJson() });
        study.Parameters.Add(new() { Value = inputHash });
        var id = await study.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        var reused = id is null;
        if (reused)
        {
            await using var existing = new NpgsqlCommand("select id from logistics_study where study_key = $1", connection);
            existing.Parameters.Add(new() { Value = key });
            id = await existing.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ((long)id!, reused);
    }

    public async Task<StoredStudy?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand("select definition, input_hash, state, stage, message from logistics_study where id = $1");
        command.Parameters.Add(new() { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new StoredStudy(id, StudyDefinition.FromJson(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4));
    }

    public async Task<ImmutableArray<StudyInputFile>> InputsAsync(string inputHash, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand("select rel_path, content from logistics_input where input_hash = $1 order by rel_path");
        command.Parameters.Add(new() { Value = inputHash });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var files = ImmutableArray.CreateBuilder<StudyInputFile>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            files.Add(new StudyInputFile(reader.GetString(0), (byte[])reader.GetValue(1)));
        return files.ToImmutable();
    }

    /// <summary>Unit results of stages 0 … <paramref name="stages"/> − 1, in unit order.</summary>
    public async Task<ImmutableArray<ImmutableArray<string?>>> StageResultsAsync(long studyId, int stages, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand("select stage, result from logistics_study_item where study_id = $1 and stage < $2 order by stage, item");
        command.Parameters.Add(new() { Value = studyId });
        command.Parameters.Add(new() { Value = stages });
        var results = Enumerable.Range(0, stages).Select(_ => new List<string?>()).ToList();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var result = reader.IsDBNull(1) ? throw new InvalidOperationException($"Study {studyId}: an item of stage {reader.GetInt32(0)} has no result yet.") : reader.GetString(1);
            results[reader.GetInt32(0)].AddRange(ItemResult.FromJson(result).Units);
        }

        return [.. results.Select(r => r.ToImmutableArray())];
    }

    /// <summary>Marks a run of the item as started; null when the item does not exist.</summary>
    public async Task<ItemStart?> StartAsync(long studyId, int stage, int item, string worker, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand("""
            update logistics_study_item
               set attempts = attempts + case when state in ('queued', 'running') then 1 else 0 end,
                   state = case when state in ('queued', 'running') then 'running' else state end,
                   worker = case when state in ('queued', 'running') then $4 else worker end,
                   started_at = case when state in ('queued', 'running') then clock_timestamp() else started_at end
             where study_id = $1 and stage = $2 and item = $3
            returning state, attempts, first_unit, unit_count
            """);
        AddKey(command, studyId, stage, item);
        command.Parameters.Add(new() { Value = worker });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new ItemStart(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
    }

    /// <summary>
    /// Writes the item's result unless another run already did: true when this run's result counts. An item killed
    /// mid-run and run again elsewhere counts once, whichever run finishes first.
    /// </summary>
    public async Task<bool> FinishAsync(long studyId, int stage, int item, ItemResult result, string? error, double runMilliseconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var command = DataSource.CreateCommand("""
            update logistics_study_item
               set state = $4, result = $5, error = $6, solves = $7, unproven = $8, run_ms = $9, finished_at = clock_timestamp()
             where study_id = $1 and stage = $2 and item = $3 and state in ('queued', 'running')
            returning finished_at
            """);
        AddKey(command, studyId, stage, item);
        command.Parameters.Add(new() { Value = error is null ? "done" : "failed" });
        command.Parameters.Add(new() { Value = result.ToJson() });
        command.Parameters.Add(new() { Value = (object?)error ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = result.Solves });
        command.Parameters.Add(new() { Value = result.Unproven });
        command.Parameters.Add(new() { Value = runMilliseconds });
        var finished = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (finished is DateTime at)
        {
            // The item's own finish time, kept as the latest: this update may run after another worker has already
            // assembled the study (it saw this item done), and must not move the last item past the assembly.
            await using var touch = DataSource.CreateCommand("update logistics_study set last_item_at = greatest(coalesce(last_item_at, $2), $2) where id = $1");
            touch.Parameters.Add(new() { Value = studyId });
            touch.Parameters.Add(new() { Value = at, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await touch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return finished is not null;
    }

    /// <summary>A run stopped by shutdown before finishing: the item goes back to the queue and the run does not count as an attempt.</summary>
    public async Task HandBackAsync(long studyId, int stage, int item, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(
            "update logistics_study_item set state = 'queued', attempts = greatest(attempts - 1, 0) where study_id = $1 and stage = $2 and item = $3 and state = 'running'");
        AddKey(command, studyId, stage, item);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the item's Hangfire job, on the connection whose transaction holds the item's row (<see cref="LockWithoutJobAsync"/>).</summary>
    public static async Task SetJobAsync(NpgsqlConnection connection, PendingItem item, string jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await using var command = new NpgsqlCommand("update logistics_study_item set job_id = $4 where study_id = $1 and stage = $2 and item = $3", connection);
        AddKey(command, item.StudyId, item.Stage, item.Item);
        command.Parameters.Add(new() { Value = jobId });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Locks the item's row until the transaction ends if it still has no job and is queued; false when another process
    /// holds it (it is making the job) or it has one by now.
    /// </summary>
    public static async Task<bool> LockWithoutJobAsync(NpgsqlConnection connection, PendingItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await using var command = new NpgsqlCommand(
            "select 1 from logistics_study_item where study_id = $1 and stage = $2 and item = $3 and job_id is null and state = 'queued' for update skip locked", connection);
        AddKey(command, item.StudyId, item.Stage, item.Item);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <summary>Items of running studies that have no Hangfire job yet, created at least <paramref name="olderThan"/> ago.</summary>
    public async Task<ImmutableArray<PendingItem>> WithoutJobAsync(long? studyId, TimeSpan olderThan, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand("""
            select i.study_id, i.stage, i.item from logistics_study_item i join logistics_study s on s.id = i.study_id
             where s.state = 'running' and i.job_id is null and i.state = 'queued' and ($1::bigint is null or i.study_id = $1)
               and i.created_at <= clock_timestamp() - $2::interval
             order by i.study_id, i.stage, i.item
            """);
        command.Parameters.Add(new() { Value = (object?)studyId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new() { Value = olderThan, NpgsqlDbType = NpgsqlDbType.Interval });
        var items = ImmutableArray.CreateBuilder<PendingItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            items.Add(new PendingItem(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2)));
        return items.ToImmutable();
    }

    /// <summary>Running studies whose current stage has no item left to run (a worker died between its item and the next stage).</summary>
    public async Task<ImmutableArray<long>> StalledAsync(CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand("""
            select s.id from logistics_study s
             where s.state = 'running'
               and not exists (select 1 from logistics_study_item i where i.study_id = s.id and i.stage = s.stage and i.state in ('queued', 'running'))
             order by s.id
            """);
        var ids = ImmutableArray.CreateBuilder<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            ids.Add(reader.GetInt64(0));
        return ids.ToImmutable();
    }

    internal static void AddKey(NpgsqlCommand command, long studyId, int stage, int item)
    {
        command.Parameters.Add(new() { Value = studyId });
        command.Parameters.Add(new() { Value = stage });
        command.Parameters.Add(new() { Value = item });
    }

    internal static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
