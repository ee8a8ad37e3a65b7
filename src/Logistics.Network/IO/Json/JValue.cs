using System.Globalization;

namespace Logistics.Network.IO.Json;

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
