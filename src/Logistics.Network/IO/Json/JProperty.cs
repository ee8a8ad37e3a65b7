namespace Logistics.Network.IO.Json;

/// <summary>One property of an object, with the position of its name (where "unknown field" points).</summary>
public sealed class JProperty(string name, SourcePosition namePosition, JNode value)
{
    public string Name { get; } = name;
    public SourcePosition NamePosition { get; } = namePosition;
    public JNode Value { get; set; } = value;
}
