using System.Collections.Immutable;
using System.Text.Json.Serialization;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>What to sweep: one numeric field, set to each of <see cref="Steps"/> evenly spaced values from <see cref="From"/> to <see cref="To"/>.</summary>
/// <param name="Path">A scenario-change path, e.g. <c>options[pasni-package].capexUsd</c> (docs/format.md, "Scenarios").</param>
/// <param name="Steps">Number of grid points, at least 2 (both ends included).</param>
/// <param name="Scenario">Scenario applied before the swept value; null for the base.</param>
/// <param name="Tolerance">Width to which each switching point is bracketed by bisection; null for (To − From) / (Steps − 1) / 1000.</param>
public sealed record SweepRequest(string Path, double From, double To, int Steps, string? Scenario = null, double? Tolerance = null);

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

/// <summary>
/// A value where the set of builds changes, bracketed by bisection to the tolerance: at <see cref="Lower"/> (the end
/// nearer the sweep's From) the optimum builds <see cref="BuiltBelow"/>, at <see cref="Upper"/> it builds <see cref="BuiltAbove"/>.
/// </summary>
/// <param name="Estimate">Midpoint of the final bracket.</param>
/// <param name="Bisections">Solves spent bracketing it.</param>
public sealed record SwitchingPoint(double Lower, double Upper, double Estimate, ImmutableArray<OptionId> BuiltBelow, ImmutableArray<OptionId> BuiltAbove, int Bisections)
{
    /// <summary>For a plan over time, the schedule at <see cref="SwitchingPoint.Lower"/>; null for a one-period network.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<ScheduledOption>? ScheduleBelow { get; init; }

    /// <summary>For a plan over time, the schedule at <see cref="SwitchingPoint.Upper"/>; null for a one-period network.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<ScheduledOption>? ScheduleAbove { get; init; }

    /// <summary>
    /// How the schedule changes across the point, one phrase per option: "rd-spur added (2034)", "rd-spur dropped
    /// (was 2034)", "rd-spur moves 2034 → 2028"; empty for a one-period network.
    /// </summary>
    public ImmutableArray<string> ScheduleChanges()
    {
        if (ScheduleBelow is not { } below || ScheduleAbove is not { } above) return [];
        var before = below.ToDictionary(s => s.Option, s => s.ServiceYear);
        var after = above.ToDictionary(s => s.Option, s => s.ServiceYear);
        return [.. before.Keys.Union(after.Keys).Order().Select(o =>
            (before.TryGetValue(o, out var b), after.TryGetValue(o, out var a)) switch
            {
                (false, true) => $"{o} added ({after[o]})",
                (true, false) => $"{o} dropped (was {before[o]})",
                _ when before[o] != after[o] => $"{o} moves {before[o]} → {after[o]}",
                _ => null,
            }).OfType<string>()];
    }
}
