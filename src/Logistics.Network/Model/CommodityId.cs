namespace Logistics.Network.Model;

/// <summary>Id of a commodity.</summary>
public readonly record struct CommodityId(string Value) : IComparable<CommodityId>
{
    public int CompareTo(CommodityId other) => string.CompareOrdinal(Value, other.Value);
    public override string ToString() => Value;
}
