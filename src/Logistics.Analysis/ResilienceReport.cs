using System.Collections.Immutable;
using System.Text.Json.Serialization;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>The base optimum and every single failure ranked by harm (<c>logistics resilience</c>).</summary>
/// <param name="BaseCostUsd">Objective of the base optimum, USD/yr; null when the base has no solution.</param>
/// <param name="BaseBuilds">What the base optimum builds (the operational answers keep exactly these).</param>
/// <param name="Corridors">Every corridor considered.</param>
/// <param name="Outages">Every outage, most harmful first (<see cref="ResilienceAnalysis"/> documents the order).</param>
public sealed record ResilienceReport(
    string? Scenario,
    SolveStatus BaseStatus,
    double? BaseCostUsd,
    ImmutableArray<OptionId> BaseBuilds,
    double PenaltyUsdPerTonne,
    ImmutableArray<Corridor> Corridors,
    ImmutableArray<Outage> Outages) : IAnalysisReport
{
    /// <summary>How many solves ran and how many stopped before proving optimality (time or gap limit).</summary>
    public SolveTally Tally { get; init; } = SolveTally.None;

    /// <summary>
    /// For a plan over time, when the outages happen; then every cost is a present value in base-year USD (the base
    /// optimum's over the horizon, each extra cost the loss over the outage) and lost tonnes are totals over the
    /// outage. Null, and absent from JSON, for a one-period network.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OutageWindow? Window { get; init; }

    /// <summary>For a plan over time, the base optimum's schedule; null for a one-period network.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<ScheduledOption>? BaseSchedule { get; init; }
}
