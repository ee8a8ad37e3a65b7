using System.Collections.Immutable;

using Logistics.Network.IO;
using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis.Uncertainty;

/// <summary>The central-value plan.</summary>
public sealed record PlanAtCentre(SolveStatus Status, double? ObjectiveUsd, ImmutableArray<OptionId> Built)
{
    /// <summary>The builds with the year each enters service (a plan over time); years are null for a one-period plan.</summary>
    public ImmutableArray<PlannedBuild> Schedule { get; init; } = [];
}
