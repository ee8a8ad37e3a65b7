using System.Text.Json.Serialization;

namespace Logistics.Worker;

/// <summary>
/// Where a job is in its life (the <c>state</c> of its record). The folder its file is in is the truth; the state says
/// more within <c>processing/</c>. Written in camelCase, as the records have always said it.
/// </summary>
public enum JobState
{
    /// <summary>Claimed from the inbox, waiting for a slot.</summary>
    [JsonStringEnumMemberName("queued")]
    Queued,

    [JsonStringEnumMemberName("running")]
    Running,

    /// <summary>The build failed on a full disk; the job waits and tries again (never failed for it).</summary>
    [JsonStringEnumMemberName("waitingForSpace")]
    WaitingForSpace,

    /// <summary>Stopped by a shutdown; resumed at the next start.</summary>
    [JsonStringEnumMemberName("interrupted")]
    Interrupted,

    [JsonStringEnumMemberName("done")]
    Done,

    [JsonStringEnumMemberName("failed")]
    Failed,
}
