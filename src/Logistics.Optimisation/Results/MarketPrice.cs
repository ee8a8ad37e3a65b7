using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>Prices of one commodity at one market.</summary>
/// <param name="DeliveryDualUsdPerTonne">Dual of <c>deliver[COMMODITY&gt;MARKET]</c>: USD/yr the objective rises if the market had to take one
/// more t/yr, the tonne coming from its next best use (the market's price when the market is not at a bound).</param>
/// <param name="MarginalDeliveredCostUsdPerTonne">USD per tonne to deliver one more tonne here from the cheapest mine that ships
/// there: the delivery dual plus that mine's gate price. Includes congestion rents of binding capacities. Null when nothing ships there.</param>
public sealed record MarketPrice(CommodityId Commodity, NodeId Market, double DeliveryDualUsdPerTonne, double? MarginalDeliveredCostUsdPerTonne);
