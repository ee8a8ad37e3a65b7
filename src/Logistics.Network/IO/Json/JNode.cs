namespace Logistics.Network.IO.Json;

/// <summary>
/// A JSON node that remembers where it was read. System.Text.Json's DOM drops positions, and every
/// diagnostic must point at a line and column, so the loader reads into this small tree instead.
/// </summary>
public abstract class JNode
{
    // The reader keeps line and column as numbers and makes the position object only when asked: most nodes of a
    // file are never reported, and one object per token was a large part of the tree the collector had to copy.
    private readonly string? _file;
    private readonly int _line;
    private readonly int _column;
    private SourcePosition? _position;

    protected JNode(SourcePosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        _position = position;
        (_file, _line, _column) = (position.File, position.Line, position.Column);
    }

    private protected JNode(string? file, int line, int column) => (_file, _line, _column) = (file, line, column);

    /// <summary>A copy's position: the same place, without making the position object.</summary>
    private protected JNode(JNode original)
    {
        ArgumentNullException.ThrowIfNull(original);
        (_file, _line, _column, _position) = (original._file, original._line, original._column, original._position);
    }

    public SourcePosition Position => _position ??= new SourcePosition(_file, _line, _column);

    /// <summary>The JSON type name used in messages and the schema: object, array, string, number, boolean, null.</summary>
    public abstract string TypeName { get; }

    public abstract JNode DeepClone();
}
