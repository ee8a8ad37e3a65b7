namespace Logistics.Network.Model;

// Typed ids: a node id can never be passed where a link id is expected. Ordinal comparison
// everywhere, so every ordering in the output is the same on every machine.

/// <summary>Id of a node (mine, junction, port or market).</summary>
public readonly record struct NodeId(string Value) : IComparable<NodeId>
{
    public int CompareTo(NodeId other) => string.CompareOrdinal(Value, other.Value);
    public override string ToString() => Value;
}

/// <summary>Id of a link between two nodes.</summary>
public readonly record struct LinkId(string Value) : IComparable<LinkId>
{
    public int CompareTo(LinkId other) => string.CompareOrdinal(Value, other.Value);
    public override string ToString() => Value;
}

/// <summary>Id of a commodity.</summary>
public readonly record struct CommodityId(string Value) : IComparable<CommodityId>
{
    public int CompareTo(CommodityId other) => string.CompareOrdinal(Value, other.Value);
    public override string ToString() => Value;
}

/// <summary>Id of an investment option.</summary>
public readonly record struct OptionId(string Value) : IComparable<OptionId>
{
    public int CompareTo(OptionId other) => string.CompareOrdinal(Value, other.Value);
    public override string ToString() => Value;
}

/// <summary>Id of a policy rule.</summary>
public readonly record struct RuleId(string Value) : IComparable<RuleId>
{
    public int CompareTo(RuleId other) => string.CompareOrdinal(Value, other.Value);
    public override string ToString() => Value;
}

/// <summary>Id of a scenario overlay.</summary>
public readonly record struct ScenarioId(string Value) : IComparable<ScenarioId>
{
    public int CompareTo(ScenarioId other) => string.CompareOrdinal(Value, other.Value);
    public override string ToString() => Value;
}

/// <summary>Id of an entry in the assumptions register (<c>seeds/</c>).</summary>
public readonly record struct SeedId(string Value) : IComparable<SeedId>
{
    public int CompareTo(SeedId other) => string.CompareOrdinal(Value, other.Value);
    public override string ToString() => Value;
}

/// <summary>Id of a planning period (a span of years with its own figures).</summary>
public readonly record struct PeriodId(string Value) : IComparable<PeriodId>
{
    public int CompareTo(PeriodId other) => string.CompareOrdinal(Value, other.Value);
    public override string ToString() => Value;
}
