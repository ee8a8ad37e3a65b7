using System.Collections.Immutable;

using Logistics.Network.IO;
using Logistics.Network.Model;
using Logistics.Optimisation.Stochastic;

namespace Logistics.Analysis.Uncertainty;

/// <summary>A correlation group's target rank correlation and the mean pairwise Spearman correlation the draws achieved.</summary>
public sealed record CorrelationCheck(string Group, ImmutableArray<SeedId> Seeds, double Target, double Achieved);
