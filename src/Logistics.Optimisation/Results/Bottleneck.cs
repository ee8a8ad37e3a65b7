using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>A capacity used to 99.9% or more. <see cref="Direction"/> is null for ports and for shared single-track links.</summary>
public sealed record Bottleneck(BottleneckKind Kind, string ElementId, LinkTravel? Direction, double UsedTpy, double CapacityTpy, double Utilisation);
