using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>Tonnes delivered of one flow class (commodity × market) and the revenue they earn (0 without a price).</summary>
public sealed record DeliveryResult(CommodityId Commodity, NodeId Market, double TonnesPerYear, double MinTpy, double? MaxTpy, double? PriceUsdPerTonne, double RevenueUsd);
