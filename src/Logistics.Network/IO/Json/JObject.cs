namespace Logistics.Network.IO.Json;

/// <summary>A JSON object; keeps properties in file order (duplicates too, so the validator can report them).</summary>
public sealed class JObject : JNode
{
    public JObject(SourcePosition position)
        : base(position) => Properties = [];

    internal JObject(string? file, int line, int column, List<JProperty> properties)
        : base(file, line, column) => Properties = properties;

    private JObject(JObject original, List<JProperty> properties)
        : base(original) => Properties = properties;

    public List<JProperty> Properties { get; }
    public override string TypeName => "object";

    /// <summary>The last property of that name (the one that counts when a name is written twice).</summary>
    public JProperty? Property(string name)
    {
        // A plain loop: the binder asks this for every field of every element.
        for (var i = Properties.Count - 1; i >= 0; i--)
        {
            if (string.Equals(Properties[i].Name, name, StringComparison.Ordinal)) return Properties[i];
        }

        return null;
    }
    public JNode? this[string name] => Property(name)?.Value;

    public void Set(string name, JNode value)
    {
        var existing = Property(name);
        if (existing is null) Properties.Add(new JProperty(name, value.Position, value));
        else existing.Value = value;
    }

    public void Remove(string name) => Properties.RemoveAll(p => p.Name == name);

    public override JNode DeepClone()
    {
        var properties = new List<JProperty>(Properties.Count);
        foreach (var p in Properties) properties.Add(p.WithValue(p.Value.DeepClone()));
        return new JObject(this, properties);
    }
}
