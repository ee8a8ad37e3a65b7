using System.Collections.Immutable;

using Logistics.Network.IO;
using Logistics.Network.Model;
using Logistics.Optimisation.Stochastic;

namespace Logistics.Analysis.Uncertainty;

/// <summary>Each candidate plan fixed and evaluated on every draw.</summary>
/// <param name="LeastExpectedCost">The plan with the least mean cost among those that are feasible on every draw.</param>
/// <param name="MinimaxRegret">The plan whose worst regret is least, among those feasible on every draw.</param>
public sealed record RegretTable(ImmutableArray<CandidatePlan> Plans, ImmutableArray<OptionId>? LeastExpectedCost, ImmutableArray<OptionId>? MinimaxRegret, ImmutableArray<OptionId> Central)
{
    /// <summary>The least-expected-cost plan with years (a plan over time can hold one set of builds at different years).</summary>
    public ImmutableArray<PlannedBuild>? LeastExpectedCostSchedule { get; init; }

    public ImmutableArray<PlannedBuild>? MinimaxRegretSchedule { get; init; }

    public ImmutableArray<PlannedBuild> CentralSchedule { get; init; } = [];
}
