namespace Logistics.Network.Model;

/// <summary>What the optimiser may decide about an option: free, or forced by a scenario or an analysis.</summary>
public enum BuildDecision
{
    Free,
    ForcedIn,
    ForcedOut,
}
