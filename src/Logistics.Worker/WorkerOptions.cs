using System.Collections.Immutable;

using Logistics.Analysis;

namespace Logistics.Worker;

/// <summary>
/// Settings of the report worker, bound from the <c>Worker</c> section of configuration (appsettings.json, then
/// environment variables such as <c>Worker__NetworksRoot</c>). Relative paths are resolved against the host's
/// content root before validation.
/// </summary>
public sealed class WorkerOptions
{
    public const string SectionName = "Worker";

    /// <summary>What a watched network gets when no analyses are configured (<see cref="AnalysisKinds.Default"/>).</summary>
    public static readonly ImmutableArray<string> DefaultAnalyses = [.. AnalysisKinds.Default.Select(AnalysisKinds.Name)];

    /// <summary>Folder of <c>*.network.json</c> files to watch.</summary>
    public string NetworksRoot { get; set; } = "networks";

    /// <summary>Folder the bundles and <c>status.json</c> are written to.</summary>
    public string ReportsRoot { get; set; } = "reports";

    /// <summary>Folder holding <c>inbox/</c>, <c>processing/</c>, <c>done/</c> and <c>failed/</c>; empty = <c>&lt;ReportsRoot&gt;/jobs</c>.</summary>
    public string InboxRoot { get; set; } = "";

    /// <summary>How long a file must stay unchanged before it is processed.</summary>
    public int DebounceMilliseconds { get; set; } = 2000;

    /// <summary>
    /// How often the inbox is listed when its watcher reports nothing (network shares, and a file still settling for
    /// the debounce time before it is claimed). The watcher wakes the feed early whenever it does see a change.
    /// </summary>
    public int InboxPollMilliseconds { get; set; } = 2000;

    /// <summary>How many reports are built at once.</summary>
    public int MaxConcurrentJobs { get; set; } = 2;

    /// <summary>Time limit per solve, passed to the builder as <c>ReportRequest.SolveTimeLimit</c>.</summary>
    public int SolveTimeLimitSeconds { get; set; } = 60;

    /// <summary>How long a graceful stop may take (HostOptions.ShutdownTimeout).</summary>
    public int ShutdownTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Every this many seconds all networks are checked again, as a safety net for changes a file-system watcher
    /// cannot see (network shares, seeds folders outside the networks root). 0 turns it off.
    /// </summary>
    public int RescanIntervalSeconds { get; set; } = 300;

    /// <summary>
    /// When a build fails because the disk (or quota) is full, the job waits this long and tries again; each further
    /// failure doubles the wait, up to <see cref="DiskFullRetryMaxMilliseconds"/>. The job is never failed for it.
    /// </summary>
    public int DiskFullRetryMilliseconds { get; set; } = 30_000;

    /// <summary>The longest wait between two tries on a full disk.</summary>
    public int DiskFullRetryMaxMilliseconds { get; set; } = 600_000;

    /// <summary>Analyses run for a watched network (and for jobs that name none); empty = solve, compare, value, resilience.</summary>
    public IList<string> Analyses { get; } = [];

    /// <summary>The analyses to run, with the default applied.</summary>
    public ImmutableArray<string> EffectiveAnalyses => Analyses.Count == 0 ? DefaultAnalyses : [.. Analyses];

    /// <summary>Where job folders live, with the default applied.</summary>
    public string EffectiveInboxRoot => string.IsNullOrWhiteSpace(InboxRoot) ? Path.Combine(ReportsRoot, "jobs") : InboxRoot;
}
