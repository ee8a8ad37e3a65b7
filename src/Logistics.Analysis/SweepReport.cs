using System.Collections.Immutable;
using System.Text.Json.Serialization;

using Logistics.Network.Model;

namespace Logistics.Analysis;

/// <summary>The sweep's answer (<c>logistics sweep</c>).</summary>
/// <param name="Tolerance">The tolerance actually used.</param>
/// <param name="Points">The grid points in order of value.</param>
/// <param name="SwitchingPoints">Where the set of builds changes, in order of value.</param>
/// <param name="Ports">Every port of the network (columns of the share table), sorted by id.</param>
/// <param name="Solves">Number of solves, grid and bisection together.</param>
public sealed record SweepReport(
    string Path,
    string? Scenario,
    double From,
    double To,
    double Tolerance,
    ImmutableArray<NodeId> Ports,
    ImmutableArray<SweepPoint> Points,
    ImmutableArray<SwitchingPoint> SwitchingPoints,
    int Solves) : IAnalysisReport
{
    /// <summary>How many solves ran and how many stopped before proving optimality (time or gap limit).</summary>
    public SolveTally Tally { get; init; } = SolveTally.None;

    /// <summary>
    /// For a plan over time, the year its present values are in: objectives are then present values in that year's
    /// real USD, and a switching point is where the schedule changes (an option added or dropped, or its build year
    /// moving). Null, and absent from JSON, for a one-period network.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? PresentValueBaseYear { get; init; }
}
