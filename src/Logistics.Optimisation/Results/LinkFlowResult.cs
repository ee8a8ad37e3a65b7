using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>Flow on one direction of a link. For a shared (single-track) link, capacity and utilisation are of the shared pool.</summary>
/// <param name="CapacityTpy">Effective capacity including built increments; null for unlimited.</param>
/// <param name="Utilisation">Flow counted against the capacity ÷ capacity; null when unlimited or zero.</param>
public sealed record LinkFlowResult(
    LinkId Link,
    LinkTravel Direction,
    NodeId From,
    NodeId To,
    TransportMode Mode,
    ImmutableArray<CommodityTonnes> ByCommodity,
    double TotalTpy,
    double? CapacityTpy,
    double? Utilisation);
