namespace Logistics.Network.Model;

/// <summary>Id of a policy rule.</summary>
public readonly record struct RuleId(string Value) : IComparable<RuleId>
{
    public int CompareTo(RuleId other) => string.CompareOrdinal(Value, other.Value);
    public override string ToString() => Value;
}
