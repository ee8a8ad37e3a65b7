using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Analysis;

/// <summary>One independent solve: a network snapshot, an optional build hint, and whether its shadow prices are wanted.</summary>
/// <param name="WithPrices">Compute the fixed-build price LP; only for results that are published whole (compare's
/// scenarios). Analyses that compare objectives and builds leave it off: it is a second model build and an LP per solve.</param>
public sealed record SolveJob(NetworkSnapshot Network, ImmutableDictionary<OptionId, bool>? BuildHint = null, bool WithPrices = false);
