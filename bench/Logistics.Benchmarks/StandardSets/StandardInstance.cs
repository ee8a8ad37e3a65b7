using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Benchmarks.StandardSets;

/// <summary>A published value to compare against: the figure, whether it is a proven optimum, and where it comes from.</summary>
public sealed record KnownValue(double Value, bool ProvenOptimal, string Source);

/// <summary>One instance of a standard set, built as a network in memory, with the value the literature gives for it (if found).</summary>
/// <param name="NegativeCosts">Some arc costs are negative: the flow bounds implied by the layer volume are then not valid (a
/// negative-cost cycle may carry more than is supplied), so the benchmark solves with the real bounds only.</param>
public sealed record StandardInstance(string Set, string Name, NetworkSnapshot Network, KnownValue? Known, bool NegativeCosts = false)
{
    /// <summary>(cost − known) / |known|; null without a cost or a known value.</summary>
    public double? DifferenceFromKnown(double? cost) => cost is { } c && Known is { } k ? (c - k.Value) / Math.Max(1e-9, Math.Abs(k.Value)) : null;
}

/// <summary>Shared pieces of the networks the readers build: neutral finance (no discounting, one-year options) and plain links.</summary>
internal static class StandardNetworks
{
    /// <summary>No discounting and one-year options: an option's yearly charge is its fixed cost exactly, as in the benchmark models.</summary>
    public static NetworkMetadata Metadata(string name, string description) => new(name, description, "USD", 2000, 0, 1, null);

    /// <summary>
    /// A one-way road link of length 1 km whose per-tonne tariff is the benchmark's unit cost (no transit time, no risk),
    /// so the model charges exactly <paramref name="unitCost"/> per unit of flow.
    /// </summary>
    public static Link Arc(string id, string from, string to, double unitCost, double? capacity, string? builtBy, ImmutableArray<CommodityId> allowed = default) =>
        new(new LinkId(id), "", new NodeId(from), new NodeId(to), TransportMode.Road, 1, LengthBasis.Given, 0, unitCost, capacity, 0,
            LinkDirection.OneWay, CapacitySharing.PerDirection, allowed.IsDefault ? [] : allowed, 0, builtBy is null ? null : new OptionId(builtBy));

    /// <summary>A yes/no option whose yearly cost is <paramref name="fixedCost"/> (as fixed O&amp;M, no capex).</summary>
    public static InvestmentOption Option(string id, double fixedCost) =>
        new(new OptionId(id), id, "", 0, 1, fixedCost, [], [], [], BuildDecision.Free);

    public static Node Place(string id, NodeKind kind, ImmutableArray<MineSupply> supplies = default, ImmutableArray<MarketDemand> demands = default) =>
        new(new NodeId(id), id, kind, 0, 0, 0, supplies.IsDefault ? [] : supplies, null, demands.IsDefault ? [] : demands);
}
