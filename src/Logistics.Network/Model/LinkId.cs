namespace Logistics.Network.Model;

/// <summary>Id of a link between two nodes.</summary>
public readonly record struct LinkId(string Value) : IComparable<LinkId>
{
    public int CompareTo(LinkId other) => string.CompareOrdinal(Value, other.Value);
    public override string ToString() => Value;
}
