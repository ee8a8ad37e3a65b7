namespace Logistics.Network.Model;

/// <summary>
/// How a both-ways link's capacity is counted: separately per direction (double track, a road),
/// or one pool shared by both directions (single track).
/// </summary>
public enum CapacitySharing
{
    PerDirection,
    SharedBothWays,
}
