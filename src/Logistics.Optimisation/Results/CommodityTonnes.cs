using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>Tonnes of one commodity on a link direction.</summary>
public sealed record CommodityTonnes(CommodityId Commodity, double TonnesPerYear);
