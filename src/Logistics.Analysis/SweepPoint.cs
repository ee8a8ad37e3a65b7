using System.Collections.Immutable;
using System.Text.Json.Serialization;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>One solved value of the swept field.</summary>
/// <param name="ObjectiveUsd">USD/yr (for a plan over time, present value in base-year USD); null without a solution.</param>
/// <param name="Built">Options built (for a plan over time, in service by the horizon's end), sorted by id.</param>
/// <param name="PortShares">Every port's tonnes and share of port throughput, sorted by port id (a plan over time: its first period's).</param>
public sealed record SweepPoint(double Value, SolveStatus Status, double? ObjectiveUsd, ImmutableArray<OptionId> Built, ImmutableArray<PortThroughput> PortShares)
{
    /// <summary>For a plan over time, the schedule (option and service year); null, and absent from JSON, for a one-period network.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<ScheduledOption>? Schedule { get; init; }

    /// <summary>True when both points build the same options (and, over time, each in the same year).</summary>
    public bool SamePlan(SweepPoint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Built.SequenceEqual(other.Built) && (Schedule ?? []).SequenceEqual(other.Schedule ?? []);
    }
}
