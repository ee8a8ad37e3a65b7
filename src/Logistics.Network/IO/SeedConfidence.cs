namespace Logistics.Network.IO;

/// <summary>How sure a seed is. <see cref="Assumption"/> has no source; its low/high range says how unsure.</summary>
public enum SeedConfidence
{
    High,
    Medium,
    Low,
    Assumption,
}
