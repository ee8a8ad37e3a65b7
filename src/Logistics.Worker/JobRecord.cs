namespace Logistics.Worker;

/// <summary>
/// The small record kept beside a job file (<c>&lt;job&gt;.record.json</c>) as it moves inbox → processing → done|failed.
/// Paths in it are relative to the reports folder, so the record stays true when the shared folder is mounted elsewhere.
/// </summary>
/// <param name="Job">The job's name (its file name without <c>.json</c>).</param>
/// <param name="State">Written <c>queued</c>, <c>running</c>, <c>waitingForSpace</c> (disk full; tries again), <c>interrupted</c> (will resume), <c>done</c> or <c>failed</c>.</param>
/// <param name="Report">The bundle folder, relative to the reports folder; null when none was written.</param>
/// <param name="ReportStatus"><c>Complete</c>, <c>TimedOut</c> or <c>InvalidInput</c>.</param>
/// <param name="Reused">True when an identical report already existed and nothing was solved.</param>
/// <param name="Attempts">How many times a build was started (more than one after an interruption).</param>
/// <param name="ReportKey">The report key the job started building (inputs and request); a job resumed after a
/// restart finishes this key if its bundle was published, even when the network changed in between.</param>
public sealed record JobRecord(
    string Job,
    JobState State,
    DateTimeOffset ClaimedAt,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    double? DurationSeconds = null,
    string? Network = null,
    string? Report = null,
    string? ReportStatus = null,
    bool Reused = false,
    string? Summary = null,
    string? Error = null,
    int Attempts = 0,
    string? ReportKey = null);
