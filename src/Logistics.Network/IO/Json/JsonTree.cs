using System.Globalization;

namespace Logistics.Network.IO.Json;

/// <summary>Where a JSON token starts: the file and its 1-based line and column. <see cref="File"/> is null for values made in code (sweeps).</summary>
public sealed record SourcePosition(string? File, int Line, int Column)
{
    public static readonly SourcePosition None = new(null, 0, 0);
    public bool IsKnown => File is not null && Line > 0;
}

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

/// <summary>One property of an object, with the position of its name (where "unknown field" points).</summary>
public sealed class JProperty(string name, SourcePosition namePosition, JNode value)
{
    public string Name { get; } = name;
    public SourcePosition NamePosition { get; } = namePosition;
    public JNode Value { get; set; } = value;
}

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

/// <summary>The kind of a scalar.</summary>
public enum JValueKind
{
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>
/// A scalar. Numbers keep their text so that huge literals (1e999) are reported, not silently rounded; a number a
/// scenario computed keeps its double, so thousands of changes to one figure never format and re-parse it.
/// </summary>
public sealed class JValue : JNode
{
    private readonly double _computed;
    private readonly bool _isComputed;
    private string? _text;

    public JValue(SourcePosition position, JValueKind kind, string? text)
        : base(position)
    {
        Kind = kind;
        _text = text;
    }

    private JValue(SourcePosition position, double computed)
        : base(position)
    {
        Kind = JValueKind.Number;
        _computed = computed;
        _isComputed = true;
    }

    public JValueKind Kind { get; }

    /// <summary>String content, number literal, "true"/"false", or null.</summary>
    public string? Text => _isComputed ? _text ??= _computed.ToString("R", CultureInfo.InvariantCulture) : _text;

    /// <summary>True when a scenario multiplied or added to this figure, so it no longer equals its seed by design.</summary>
    public bool AdjustedByScenario { get; init; }

    public override string TypeName => Kind switch
    {
        JValueKind.String => "string",
        JValueKind.Number => "number",
        JValueKind.Boolean => "boolean",
        _ => "null",
    };

    public double Number => _isComputed ? _computed : double.Parse(_text!, NumberStyles.Float, CultureInfo.InvariantCulture);
    public bool Boolean => _text == "true";

    public static JValue FromNumber(double value, SourcePosition position, bool adjusted = false) =>
        new(position, value) { AdjustedByScenario = adjusted };

    public override JNode DeepClone() => this; // immutable
}
