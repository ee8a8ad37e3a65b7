using System.Text.Json.Serialization;

using Logistics.Network.Model;

namespace Logistics.Analysis;

/// <summary>Delivered tonnes and tonne-weighted cost per tonne of one commodity over its routes (capex share included).</summary>
public sealed record CommodityCost(CommodityId Commodity, double TonnesPerYear, double UsdPerTonne);
