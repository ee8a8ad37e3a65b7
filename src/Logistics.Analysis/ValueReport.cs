using System.Collections.Immutable;
using System.Text.Json.Serialization;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>The value of every investment option (or one) from pairs of forced solves (<c>logistics value</c>; docs/analyses.md).</summary>
/// <param name="Scenario">Scenario applied; null for the base.</param>
/// <param name="DiscountRate">The network's discount rate (metadata.discountRate).</param>
/// <param name="OptimumStatus">Status of the free solve.</param>
/// <param name="HorizonYears">The appraisal horizon (metadata.horizonYears); for a plan over time, base year to the horizon's end.</param>
/// <param name="OptimumCostUsd">Objective of the free solve: USD/yr, or for a plan over time its present value in base-year USD.</param>
/// <param name="OptimumBuilds">What the free solve builds, sorted by id.</param>
/// <param name="Valuations">One row per option (bundles and given-prerequisite rows follow their option), in option id order.</param>
public sealed record ValueReport(
    string? Scenario,
    double DiscountRate,
    int HorizonYears,
    SolveStatus OptimumStatus,
    double? OptimumCostUsd,
    ImmutableArray<OptionId> OptimumBuilds,
    ImmutableArray<OptionValuation> Valuations) : IAnalysisReport
{
    /// <summary>How many solves ran and how many stopped before proving optimality (time or gap limit).</summary>
    public SolveTally Tally { get; init; } = SolveTally.None;

    /// <summary>For a plan over time, its years and the optimum's schedule; null (and absent from JSON) for a one-period network.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ValueTimeline? Timeline { get; init; }
}
