namespace Logistics.Network.Model;

/// <summary>A port's yearly throughput capacity and its handling charge per tonne.</summary>
/// <param name="ThroughputCapacityTpy">Tonnes per year; null means unlimited. Options may add capacity.</param>
public sealed record PortFacility(double? ThroughputCapacityTpy, double HandlingUsdPerTonne);
