using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>One step of a route along a link, in the direction travelled.</summary>
public sealed record RouteLeg(LinkId Link, NodeId From, NodeId To, TransportMode Mode);
