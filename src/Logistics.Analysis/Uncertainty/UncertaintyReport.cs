using System.Collections.Immutable;
using System.Text.Json.Serialization;

using Logistics.Network.Model;
using Logistics.Optimisation;
using Logistics.Optimisation.Stochastic;

namespace Logistics.Analysis.Uncertainty;

/// <summary>The uncertainty analysis's answer (docs/analyses.md, "Uncertainty").</summary>
/// <param name="Sampling">How draws were made, in words (for the manifest).</param>
/// <param name="Central">The plan at every seed's central value.</param>
/// <param name="NotVaried">Figures that cite a ranged seed but are derived when binding, so stay at their central value.</param>
/// <param name="Infeasible">Every draw without an optimal plan, with why; they are counted, never dropped.</param>
public sealed record UncertaintyReport(
    string? Scenario,
    int Draws,
    int Seed,
    string Sampling,
    ImmutableArray<SampledSeed> Seeds,
    ImmutableArray<CorrelationCheck> Correlations,
    ImmutableArray<string> NotVaried,
    PlanAtCentre Central,
    CostDistribution Cost,
    ImmutableArray<OptionProbability> Options,
    ImmutableArray<PlanFrequency> Plans,
    ImmutableArray<ShareSummary> PortShares,
    ImmutableArray<ShareSummary> RouteShares,
    ImmutableArray<ConvergencePoint> Convergence,
    ImmutableArray<DrawProblem> Infeasible,
    ImmutableArray<TornadoBar> Tornado,
    RegretTable? Regret,
    TwoStageReport? TwoStage) : IAnalysisReport
{
    public SolveTally Tally { get; init; } = SolveTally.None;

    /// <summary>True for a plan over time: costs are present values in base-year USD, and plans are schedules (each build with its year).</summary>
    public bool OverTime { get; init; }

    /// <summary>Draws and evaluations that could not reuse a kept model and were built afresh (0 when every draw has the central snapshot's shape).</summary>
    public int Rebuilds { get; init; }

    /// <summary>Every draw: sampled seed values and outcome (the CSV of draws; left out of the JSON, which would be large).</summary>
    [JsonIgnore]
    public ImmutableArray<DrawOutcome> DrawOutcomes { get; init; } = [];
}
