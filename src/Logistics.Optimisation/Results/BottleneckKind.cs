namespace Logistics.Optimisation;

/// <summary>What kind of capacity binds.</summary>
public enum BottleneckKind
{
    Link,
    Port,
}
