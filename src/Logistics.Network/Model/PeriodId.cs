namespace Logistics.Network.Model;

/// <summary>Id of a planning period (a span of years with its own figures).</summary>
public readonly record struct PeriodId(string Value) : IComparable<PeriodId>
{
    public int CompareTo(PeriodId other) => string.CompareOrdinal(Value, other.Value);
    public override string ToString() => Value;
}
