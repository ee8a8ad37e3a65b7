using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>Capacity an option adds to a link direction or a port, as reported.</summary>
public sealed record CapacityAddResult(LinkId? Link, NodeId? Port, double AddedTpy);
