using System.Diagnostics;

namespace Logistics.Network.Diagnostics;

/// <summary>One measured stage: its name (e.g. <c>validate: supply capacity</c>) and its wall time.</summary>
public sealed record StageTime(string Stage, TimeSpan Elapsed)
{
    /// <summary>
    /// Bytes the measuring thread allocated during the stage (null when not measured): on a shared machine the wall time
    /// of a stage swings with other work, while its allocations, which decide how often the collector runs, do not.
    /// </summary>
    public long? AllocatedBytes { get; init; }
}
