namespace Logistics.Network.Model;

/// <summary>What a market buys of one commodity: bounds on tonnes per year and an optional delivered price.</summary>
public sealed record MarketDemand(CommodityId Commodity, double MinTpy, double? MaxTpy, double? PriceUsdPerTonne);
