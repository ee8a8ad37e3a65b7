using System.Collections.Immutable;

using Logistics.Network.IO;
using Logistics.Network.Model;
using Logistics.Optimisation.Stochastic;

namespace Logistics.Analysis.Uncertainty;

/// <summary>A distinct set of builds and how often it is optimal.</summary>
public sealed record PlanFrequency(ImmutableArray<OptionId> Built, int Count, double Share, double MeanCostUsd, bool IsCentral)
{
    /// <summary>The plan with years (a plan over time: distinct schedules are distinct plans).</summary>
    public ImmutableArray<PlannedBuild> Schedule { get; init; } = [];
}
