using System.Collections.Immutable;

using Logistics.Network.IO;
using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis.Uncertainty;

/// <summary>
/// One bar of the tornado: the seed (or a correlation group, every member together) at its low and at its high, every
/// other seed central. Swing = |cost at high − cost at low|. A group's low and high values are its members' own (null here).
/// </summary>
public sealed record TornadoBar(string Name, bool IsGroup, double? LowValue, double? HighValue, SolveStatus LowStatus, SolveStatus HighStatus,
    double? CostAtLowUsd, double? CostAtHighUsd, double? SwingUsd, ImmutableArray<OptionId> BuiltAtLow, ImmutableArray<OptionId> BuiltAtHigh, bool BuildsChange);
