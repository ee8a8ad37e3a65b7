using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>A binding capacity and what one more tonne per year of it is worth.</summary>
/// <param name="Direction">The link direction; null for ports and shared single-track pools.</param>
/// <param name="ValueUsdPerTonne">USD/yr the objective falls per extra t/yr of capacity (≥ 0; 0 when the capacity binds but more of it would not help).</param>
public sealed record CapacityPrice(BottleneckKind Kind, string ElementId, LinkTravel? Direction, double CapacityTpy, double UsedTpy, double ValueUsdPerTonne);
