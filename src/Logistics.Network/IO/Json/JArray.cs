namespace Logistics.Network.IO.Json;

/// <summary>A JSON array.</summary>
public sealed class JArray : JNode
{
    public JArray(SourcePosition position)
        : base(position) => Items = [];

    internal JArray(string? file, int line, int column, List<JNode> items)
        : base(file, line, column) => Items = items;

    private JArray(JArray original, List<JNode> items)
        : base(original) => Items = items;

    public List<JNode> Items { get; }

    public override string TypeName => "array";

    public override JNode DeepClone()
    {
        var items = new List<JNode>(Items.Count);
        foreach (var item in Items) items.Add(item.DeepClone());
        return new JArray(this, items);
    }
}
