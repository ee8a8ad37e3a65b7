namespace Logistics.Network.Model;

/// <summary>Id of an entry in the assumptions register (<c>seeds/</c>).</summary>
public readonly record struct SeedId(string Value) : IComparable<SeedId>
{
    public int CompareTo(SeedId other) => string.CompareOrdinal(Value, other.Value);
    public override string ToString() => Value;
}
