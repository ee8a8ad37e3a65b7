namespace Logistics.Network.Model;

/// <summary>Capacity an option adds to an existing link or port. Exactly one of <see cref="Link"/> and <see cref="Port"/> is set.</summary>
public sealed record CapacityIncrement(LinkId? Link, NodeId? Port, double AddedTpy);
