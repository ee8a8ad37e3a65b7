using System.Collections.Immutable;

using Logistics.Network.IO;
using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis.Uncertainty;

/// <summary>One draw: the sampled value of every seed (in the report's seed order) and what the optimum was.</summary>
public sealed record DrawOutcome(int Draw, ImmutableArray<double> Values, SolveStatus Status, double? ObjectiveUsd, ImmutableArray<OptionId> Built)
{
    public ImmutableArray<PlannedBuild> Schedule { get; init; } = [];
}
