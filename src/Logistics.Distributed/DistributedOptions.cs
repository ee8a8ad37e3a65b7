namespace Logistics.Distributed;

/// <summary>
/// The distributed mode's settings (section <c>Distributed</c>; environment <c>Distributed__*</c>). The connection
/// string comes from configuration or the environment (<c>LOGISTICS_POSTGRES</c>), never from a committed file.
/// </summary>
public sealed class DistributedOptions
{
    public const string Section = "Distributed";

    /// <summary>The environment variable both the CLI and the worker read the connection string from.</summary>
    public const string ConnectionVariable = "LOGISTICS_POSTGRES";

    /// <summary>The Hangfire queue study items go to.</summary>
    public const string Queue = "studies";

    /// <summary>Npgsql connection string of the PostgreSQL database holding Hangfire's and the study tables.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Items one worker process runs at once. One per core the process may use; each solve is single-threaded.</summary>
    public int WorkerCount { get; set; } = 1;

    /// <summary>
    /// How long a fetched item stays invisible to other workers after its worker stops renewing it (sliding: a live
    /// worker keeps renewing). A worker killed mid-item hands it on after this long.
    /// </summary>
    public double InvisibilityTimeoutSeconds { get; set; } = 60;

    /// <summary>How often idle workers look for new items.</summary>
    public double PollIntervalSeconds { get; set; } = 1;

    /// <summary>Runs of one item before it is reported as failed with its reason (a crash of the worker counts as a run).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before an item that threw is tried again.</summary>
    public double RetryDelaySeconds { get; set; } = 2;

    /// <summary>How often each worker looks for items without a job and studies stalled between stages (after a crash at the wrong moment).</summary>
    public double RecoveryIntervalSeconds { get; set; } = 5;

    /// <summary>Where workers write a study's input files (one folder per content hash); empty for the system's temporary folder.</summary>
    public string InputsFolder { get; set; } = "";

    /// <summary>
    /// Rehearsal hook (docs/distributed.md, "Faults"): units given as "kind:stage:unit" (e.g. "resilience:1:2") throw every time, to
    /// see a poison item reported and the rest of the study complete. Empty in production.
    /// </summary>
    public IList<string> FailUnits { get; } = [];

    public string ResolvedInputsFolder => string.IsNullOrEmpty(InputsFolder) ? Path.Combine(Path.GetTempPath(), "logistics-study-inputs") : InputsFolder;

    /// <summary>The connection string from the options or the environment; null when neither has one.</summary>
    public string? ResolveConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString) ? Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } e ? e : null : ConnectionString;
}
