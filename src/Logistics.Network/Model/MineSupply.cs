namespace Logistics.Network.Model;

/// <summary>A mine's yearly output of one commodity.</summary>
/// <param name="AllowUnshipped">When true the mine may leave output unshipped (the result says how much); otherwise all of it must ship.</param>
public sealed record MineSupply(CommodityId Commodity, double TonnesPerYear, bool AllowUnshipped);
