namespace Logistics.Network.Model;

/// <summary>What a node is. Mines supply, markets buy, ports hand cargo between land and sea.</summary>
public enum NodeKind
{
    Mine,
    Junction,
    Port,
    Market,
}

/// <summary>How a link carries cargo. A change of mode at a node costs its transhipment charge.</summary>
public enum TransportMode
{
    Road,
    Rail,
    Sea,
    Pipeline,
}

/// <summary>Whether cargo may travel a link in one direction (from → to) or both.</summary>
public enum LinkDirection
{
    OneWay,
    BothWays,
}

/// <summary>
/// How a both-ways link's capacity is counted: separately per direction (double track, a road),
/// or one pool shared by both directions (single track).
/// </summary>
public enum CapacitySharing
{
    PerDirection,
    SharedBothWays,
}

/// <summary>Where a link's length came from: the file, or great-circle distance times the mode's circuity.</summary>
public enum LengthBasis
{
    Given,
    GreatCircle,
}

/// <summary>What the optimiser may decide about an option: free, or forced by a scenario or an analysis.</summary>
public enum BuildDecision
{
    Free,
    ForcedIn,
    ForcedOut,
}

/// <summary>How a scenario change acts on a numeric field.</summary>
public enum ChangeOperation
{
    Set,
    Multiply,
    Add,
}
