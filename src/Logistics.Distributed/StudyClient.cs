using System.Collections.Immutable;

using Hangfire;
using Hangfire.PostgreSql;

using Logistics.Network.Loading;

using Microsoft.Extensions.Logging.Abstractions;

using Npgsql;

namespace Logistics.Distributed;

/// <summary>
/// The submitting side (the CLI): stores a study with its input files, plans its first items and creates their
/// Hangfire jobs; reads progress and results. Needs only the database, no worker.
/// </summary>
public sealed class StudyClient : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly StudyStore _store;
    private readonly StudyCoordinator _coordinator;

    private StudyClient(string connectionString, DistributedOptions options)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _store = new StudyStore(_dataSource);
        var storage = new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, SharedStorageOptions(options)), SharedStorageOptions(options));
        _coordinator = new StudyCoordinator(_store, new StudyContexts(_store, options), new BackgroundJobClient(storage), NullLogger<StudyCoordinator>.Instance);
    }

    public static async Task<StudyClient> ConnectAsync(string connectionString, CancellationToken cancellationToken)
    {
        var client = new StudyClient(connectionString, new DistributedOptions());
        await client._store.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return client;
    }

    /// <summary>Submits a study of <paramref name="source"/>; returns its id, and true when the same study (same inputs, same settings) was there already.</summary>
    public async Task<(long Id, bool Reused)> SubmitAsync(NetworkSource source, StudyDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (id, reused) = await _store.SubmitAsync(definition, source.ContentHash, StudyInputs.Collect(source), cancellationToken).ConfigureAwait(false);
        await _coordinator.AdvanceAsync(id, cancellationToken).ConfigureAwait(false);
        return (id, reused);
    }

    public async Task<StudyStatus?> StatusAsync(long id, CancellationToken cancellationToken)
    {
        StudyKind kind;
        string state;
        int stage;
        string? message;
        DateTimeOffset submitted;
        DateTimeOffset? lastItem, finished;
        await using (var command = _dataSource.CreateCommand("select kind, state, stage, message, submitted_at, last_item_at, finished_at from logistics_study where id = $1"))
        {
            command.Parameters.Add(new() { Value = id });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
            kind = Enum.Parse<StudyKind>(reader.GetString(0), ignoreCase: true);
            (state, stage, message) = (reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3));
            submitted = reader.GetFieldValue<DateTimeOffset>(4);
            lastItem = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5);
            finished = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6);
        }

        var items = ImmutableArray.CreateBuilder<StudyItemStatus>();
        await using (var command = _dataSource.CreateCommand(
            "select stage, item, first_unit, unit_count, state, attempts, worker, error, run_ms from logistics_study_item where study_id = $1 order by stage, item"))
        {
            command.Parameters.Add(new() { Value = id });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(new StudyItemStatus(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4), reader.GetInt32(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetDouble(8)));
            }
        }

        return new StudyStatus(id, kind, state, stage, message, items.ToImmutable(), submitted, lastItem, finished);
    }

    /// <summary>The assembled report JSON (as the single-machine verb's <c>--json</c> writes it); null until assembled.</summary>
    public async Task<string?> ResultAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("select result from logistics_study where id = $1");
        command.Parameters.Add(new() { Value = id });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async ValueTask DisposeAsync() => await _dataSource.DisposeAsync().ConfigureAwait(false);

    private static PostgreSqlStorageOptions SharedStorageOptions(DistributedOptions options) => StudyServiceCollectionExtensions.StorageOptions(options);
}
