using System.Collections.Immutable;

using Logistics.Network.IO;
using Logistics.Network.Model;
using Logistics.Optimisation.Stochastic;

namespace Logistics.Analysis.Uncertainty;

/// <summary>
/// A plan's builds held fixed on every draw: mean, P90 and worst cost, and regret (its cost less the draw's optimum).
/// Costs are over the draws where it is feasible; <see cref="InfeasibleDraws"/> counts the others.
/// </summary>
public sealed record CandidatePlan(ImmutableArray<OptionId> Built, bool IsCentral, int OptimalIn, int InfeasibleDraws,
    double? MeanCostUsd, double? MeanHalfWidthUsd, double? P90CostUsd, double? WorstCostUsd, double? MeanRegretUsd, double? MaxRegretUsd)
{
    /// <summary>The plan held fixed, with years for a plan over time (each option enters service exactly then).</summary>
    public ImmutableArray<PlannedBuild> Schedule { get; init; } = [];
}
