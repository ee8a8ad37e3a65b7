using System.Collections.Immutable;

namespace Logistics.Network.Model;

/// <summary>A place in the network. Only mines have supplies, only ports a facility, only markets demands.</summary>
public sealed record Node(
    NodeId Id,
    string Name,
    NodeKind Kind,
    double Latitude,
    double Longitude,
    double TranshipmentUsdPerTonne,
    ImmutableArray<MineSupply> Supplies,
    PortFacility? Port,
    ImmutableArray<MarketDemand> Demands);
