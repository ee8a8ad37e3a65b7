namespace Logistics.Network.IO.Json;

/// <summary>One property of an object, with the position of its name (where "unknown field" points).</summary>
public sealed class JProperty
{
    private readonly string? _file;
    private readonly int _line;
    private readonly int _column;
    private SourcePosition? _namePosition;

    public JProperty(string name, SourcePosition namePosition, JNode value)
    {
        ArgumentNullException.ThrowIfNull(namePosition);
        Name = name;
        Value = value;
        _namePosition = namePosition;
        (_file, _line, _column) = (namePosition.File, namePosition.Line, namePosition.Column);
    }

    /// <summary>A property as the reader makes it: the name's position is made only when asked (see <see cref="JNode"/>).</summary>
    internal JProperty(string name, string? file, int line, int column, JNode value)
    {
        Name = name;
        Value = value;
        (_file, _line, _column) = (file, line, column);
    }

    public string Name { get; }

    /// <summary>The same name at the same place, holding <paramref name="value"/> (a deep copy's property).</summary>
    internal JProperty WithValue(JNode value) => new(Name, _file, _line, _column, value) { _namePosition = _namePosition };

    public SourcePosition NamePosition => _namePosition ??= new SourcePosition(_file, _line, _column);

    public JNode Value { get; set; }
}
