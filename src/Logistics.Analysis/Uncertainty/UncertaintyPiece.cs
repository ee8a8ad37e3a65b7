using System.Collections.Immutable;

using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Optimisation;

namespace Logistics.Analysis.Uncertainty;

/// <summary>One solve of an uncertainty study (the central plan, a draw or a tornado end), with the solves it took and the kept-model rebuilds it needed.</summary>
public sealed record UncertaintyPiece(OptimisationResult Result, SolveTally Tally, int Rebuilds);
