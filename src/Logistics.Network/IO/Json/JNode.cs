namespace Logistics.Network.IO.Json;

/// <summary>
/// A JSON node that remembers where it was read. System.Text.Json's DOM drops positions, and every
/// diagnostic must point at a line and column, so the loader reads into this small tree instead.
/// </summary>
public abstract class JNode(SourcePosition position)
{
    public SourcePosition Position { get; } = position;

    /// <summary>The JSON type name used in messages and the schema: object, array, string, number, boolean, null.</summary>
    public abstract string TypeName { get; }

    public abstract JNode DeepClone();
}
