using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>Output a mine leaves unshipped (only where it allows that).</summary>
public sealed record UnshippedResult(NodeId Mine, CommodityId Commodity, double TonnesPerYear, double SupplyTpy);
