using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>
/// One path of one flow class from a mine to a market, found by path stripping of the solved flows.
/// <see cref="Nodes"/> lists places in order (a mode change at a node does not repeat it).
/// </summary>
/// <param name="Port">The first port the route passes through, if any.</param>
/// <param name="TransitDays">Sum of the transit days of its links.</param>
public sealed record RouteResult(
    CommodityId Commodity,
    NodeId Mine,
    NodeId Market,
    NodeId? Port,
    ImmutableArray<NodeId> Nodes,
    ImmutableArray<RouteLeg> Links,
    double TonnesPerYear,
    double TransitDays,
    PerTonneCost PerTonneCost);
