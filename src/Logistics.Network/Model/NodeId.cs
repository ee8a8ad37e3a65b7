namespace Logistics.Network.Model;

// Typed ids: a node id can never be passed where a link id is expected. Ordinal comparison
// everywhere, so every ordering in the output is the same on every machine.

/// <summary>Id of a node (mine, junction, port or market).</summary>
public readonly record struct NodeId(string Value) : IComparable<NodeId>
{
    public int CompareTo(NodeId other) => string.CompareOrdinal(Value, other.Value);
    public override string ToString() => Value;
}
