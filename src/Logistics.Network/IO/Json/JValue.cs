using System.Globalization;

namespace Logistics.Network.IO.Json;

/// <summary>
/// A scalar. A number read from a file is parsed once, when it is read, and its text is kept only when the literal is
/// not the shortest round-trip form of its value (1.0, 1e999): <see cref="Text"/> is always the literal as written, so
/// huge literals are still reported, not silently rounded. A number a scenario computed keeps its double, so thousands
/// of changes to one figure never format and re-parse it.
/// </summary>
public sealed class JValue : JNode
{
    private readonly double _number;
    private readonly bool _hasNumber; // _number holds the value; _text, when null, is its round-trip form
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
        _number = computed;
        _hasNumber = true;
    }

    /// <summary>A string, boolean or null as the reader makes it.</summary>
    internal JValue(string? file, int line, int column, JValueKind kind, string? text)
        : base(file, line, column)
    {
        Kind = kind;
        _text = text;
    }

    /// <summary>A number as the reader makes it: <paramref name="literal"/> is null when it is the round-trip form of <paramref name="number"/>.</summary>
    internal JValue(string? file, int line, int column, double number, string? literal)
        : base(file, line, column)
    {
        Kind = JValueKind.Number;
        _number = number;
        _hasNumber = true;
        _text = literal;
    }

    public JValueKind Kind { get; }

    /// <summary>String content, number literal, "true"/"false", or null.</summary>
    public string? Text => _text ?? (_hasNumber ? _text = _number.ToString("R", CultureInfo.InvariantCulture) : null);

    /// <summary>True when a scenario multiplied or added to this figure, so it no longer equals its seed by design.</summary>
    public bool AdjustedByScenario { get; init; }

    public override string TypeName => Kind switch
    {
        JValueKind.String => "string",
        JValueKind.Number => "number",
        JValueKind.Boolean => "boolean",
        _ => "null",
    };

    public double Number => _hasNumber ? _number : double.Parse(_text!, NumberStyles.Float, CultureInfo.InvariantCulture);

    public bool Boolean => _text == "true";

    public static JValue FromNumber(double value, SourcePosition position, bool adjusted = false) =>
        new(position, value) { AdjustedByScenario = adjusted };

    public override JNode DeepClone() => this; // immutable
}
