namespace Logistics.Network.Model;

/// <summary>Id of a scenario overlay.</summary>
public readonly record struct ScenarioId(string Value) : IComparable<ScenarioId>
{
    public int CompareTo(ScenarioId other) => string.CompareOrdinal(Value, other.Value);
    public override string ToString() => Value;
}
