namespace Logistics.Analysis;

/// <summary>What is taken out in one N-1 case.</summary>
public enum OutageKind
{
    /// <summary>One link (both directions).</summary>
    Link,

    /// <summary>Every link of a corridor at once (<see cref="Corridor"/>).</summary>
    Corridor,

    /// <summary>A port: its throughput capacity becomes zero and options cannot add any.</summary>
    Port,
}
