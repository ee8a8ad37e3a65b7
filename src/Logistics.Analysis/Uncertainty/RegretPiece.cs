using System.Collections.Immutable;

using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Optimisation;

namespace Logistics.Analysis.Uncertainty;

/// <summary>One evaluation of the regret table: a candidate plan's cost on one draw with its builds fixed (null where infeasible), with its solves and rebuilds.</summary>
public sealed record RegretPiece(double? CostUsd, SolveTally Tally, int Rebuilds);
