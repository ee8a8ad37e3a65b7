namespace Logistics.Network.Model;

/// <summary>A commodity; its value per tonne prices the capital tied up in transit.</summary>
public sealed record Commodity(CommodityId Id, string Name, double ValueUsdPerTonne);
