using System.Collections.Immutable;

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
}

/// <summary>One solved value of the swept field.</summary>
/// <param name="ObjectiveUsd">USD/yr; null without a solution.</param>
/// <param name="Built">Options built, sorted by id.</param>
/// <param name="PortShares">Every port's tonnes and share of port throughput, sorted by port id.</param>
public sealed record SweepPoint(double Value, SolveStatus Status, double? ObjectiveUsd, ImmutableArray<OptionId> Built, ImmutableArray<PortThroughput> PortShares);

/// <summary>
/// A value where the set of builds changes, bracketed by bisection to the tolerance: at <see cref="Lower"/> (the end
/// nearer the sweep's From) the optimum builds <see cref="BuiltBelow"/>, at <see cref="Upper"/> it builds <see cref="BuiltAbove"/>.
/// </summary>
/// <param name="Estimate">Midpoint of the final bracket.</param>
/// <param name="Bisections">Solves spent bracketing it.</param>
public sealed record SwitchingPoint(double Lower, double Upper, double Estimate, ImmutableArray<OptionId> BuiltBelow, ImmutableArray<OptionId> BuiltAbove, int Bisections);
