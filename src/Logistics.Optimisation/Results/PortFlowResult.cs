using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>Throughput of a port: tonnes entering the port node.</summary>
public sealed record PortFlowResult(NodeId Port, double ThroughputTpy, double? CapacityTpy, double? Utilisation);
