using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Optimisation.Stochastic;

/// <summary>The two-stage plan: the builds, the objective, and each draw's cost under those builds.</summary>
/// <param name="ExpectedCostUsd">Mean of <see cref="DrawCostsUsd"/>: the objective less any CVaR term.</param>
/// <param name="CvarUsd">Mean cost of the worst 1 − α of draws under the plan; null when CVaR was not asked for.</param>
public sealed record TwoStageSolution(
    SolveStatus Status,
    string Message,
    ImmutableArray<OptionId> Built,
    double? ObjectiveUsd,
    double? BestBoundUsd,
    double? ExpectedCostUsd,
    double? CvarUsd,
    ImmutableArray<double> DrawCostsUsd,
    int Variables,
    int Constraints,
    TimeSpan SolveTime)
{
    /// <summary>How the plan was solved.</summary>
    public TwoStageMethod Method { get; init; } = TwoStageMethod.Extensive;

    /// <summary>Master solves of the L-shaped method; 0 for the extensive form.</summary>
    public int Iterations { get; init; }

    /// <summary>Optimality cuts the L-shaped method added (one per draw and iteration at most).</summary>
    public int OptimalityCuts { get; init; }

    /// <summary>Feasibility cuts the L-shaped method added (build at least one option left out).</summary>
    public int FeasibilityCuts { get; init; }
}
