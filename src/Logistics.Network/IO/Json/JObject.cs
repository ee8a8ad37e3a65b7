namespace Logistics.Network.IO.Json;

/// <summary>A JSON object; keeps properties in file order (duplicates too, so the validator can report them).</summary>
public sealed class JObject(SourcePosition position) : JNode(position)
{
    public List<JProperty> Properties { get; } = [];
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
        var copy = new JObject(Position);
        foreach (var p in Properties) copy.Properties.Add(new JProperty(p.Name, p.NamePosition, p.Value.DeepClone()));
        return copy;
    }
}
