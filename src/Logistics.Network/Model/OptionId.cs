namespace Logistics.Network.Model;

/// <summary>Id of an investment option.</summary>
public readonly record struct OptionId(string Value) : IComparable<OptionId>
{
    public int CompareTo(OptionId other) => string.CompareOrdinal(Value, other.Value);
    public override string ToString() => Value;
}
