namespace Logistics.Network.IO.Json;

/// <summary>A JSON array.</summary>
public sealed class JArray(SourcePosition position) : JNode(position)
{
    public List<JNode> Items { get; } = [];
    public override string TypeName => "array";

    public override JNode DeepClone()
    {
        var copy = new JArray(Position);
        foreach (var item in Items) copy.Items.Add(item.DeepClone());
        return copy;
    }
}
