using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

using Logistics.Network.Diagnostics;
using Logistics.Network.IO.Format;
using Logistics.Network.IO.Json;

namespace Logistics.Network.IO.Binding;

/// <summary>
/// Checks one JSON object against its <see cref="ElementSpec"/> (unknown fields, types, required fields, ranges,
/// allowed values) and then hands out its values with the table's defaults applied. Invalid values read as absent,
/// so binding goes on and every problem of the file is reported in one run.
/// </summary>
internal sealed partial class ElementReader
{
    private readonly JObject _obj;
    // Which fields hold a valid value, one bit per field of the spec (at most 64): no collection per element (thousands per file).
    private ulong _valid;
    private string? _elementSource;
    private bool _elementSourceRead;
    private readonly List<Diagnostic> _diagnostics;

    public ElementReader(JObject obj, ElementSpec spec, string path, List<Diagnostic> diagnostics)
    {
        _obj = obj;
        Spec = spec;
        Path = path;
        _diagnostics = diagnostics;
        Check();
    }

    public ElementSpec Spec { get; }

    /// <summary>Index-form path of the element, e.g. <c>links[12]</c>.</summary>
    public string Path { get; }

    public JObject Object => _obj;

    public SourcePosition Position => _obj.Position;

    public bool Has(string name) => Spec.IndexOf(name) is var index and >= 0 && (_valid & (1UL << index)) != 0;

    /// <summary>True when the field is written (valid or not): used for "this field does not belong to this kind".</summary>
    public bool IsWritten(string name) => _obj.Property(name) is not null;

    public SourcePosition PositionOf(string name) => _obj.Property(name)?.Value.Position ?? _obj.Position;

    public SourcePosition NamePositionOf(string name) => _obj.Property(name)?.NamePosition ?? _obj.Position;

    public string? String(string name) =>
        Has(name) ? ((JValue)_obj[name]!).Text : Field(name).Default as string;

    public double? Number(string name)
    {
        if (!Has(name)) return Field(name).Default is { } d ? Convert.ToDouble(d, CultureInfo.InvariantCulture) : null;
        return NumberNode(name)!.Number;
    }

    public int? Integer(string name) => Number(name) is { } d ? (int)d : null;

    public bool Boolean(string name) => Has(name) ? ((JValue)_obj[name]!).Boolean : Field(name).Default is true;

    public ImmutableArray<string> Ids(string name)
    {
        if (!Has(name)) return [];
        var items = ((JArray)_obj[name]!).Items;
        var ids = ImmutableArray.CreateBuilder<string>(items.Count);
        foreach (var item in items) ids.Add(((JValue)item).Text!);
        return ids.MoveToImmutable();
    }

    public JObject? Child(string name) => Has(name) ? (JObject)_obj[name]! : null;

    public IEnumerable<(JObject Item, int Index)> Children(string name) =>
        Has(name) ? ((JArray)_obj[name]!).Items.Select((item, i) => (item, i)).Where(t => t.item is JObject).Select(t => ((JObject)t.item, t.Item2)) : [];

    /// <summary>The number node of a figure (plain number or the <c>value</c> of <c>{ value, source }</c>).</summary>
    public JValue? NumberNode(string name) => _obj[name] switch
    {
        JValue v => v,
        JObject o => o["value"] as JValue,
        _ => null,
    };

    /// <summary>The seed a figure cites: its own <c>source</c>, else the element's.</summary>
    public string? FigureSource(string name, string? inherited)
    {
        if (_obj[name] is JObject { } o && o["source"] is JValue { Kind: JValueKind.String } s) return s.Text;
        return ElementSource ?? inherited;
    }

    /// <summary>The seed the element cites for all its figures; found once per element, not once per figure.</summary>
    public string? ElementSource => _elementSourceRead ? _elementSource : ReadElementSource();

    private string? ReadElementSource()
    {
        _elementSource = Spec.Field("source") is { Type: FieldType.Id } && Has("source") ? String("source") : null;
        _elementSourceRead = true;
        return _elementSource;
    }

    public SourcePosition FigureSourcePosition(string name) =>
        _obj[name] is JObject o && o["source"] is { } s ? s.Position : Has("source") ? PositionOf("source") : PositionOf(name);

    private FieldSpec Field(string name) => Spec.Field(name) ?? throw new InvalidOperationException($"Field '{name}' is not in the table for {Spec.Name}.");

    private void Check()
    {
        var properties = _obj.Properties;
        for (var index = 0; index < properties.Count; index++)
        {
            var property = properties[index];
            if (WrittenBefore(properties, index))
            {
                Report(DiagnosticCodes.DuplicateEntry, property.NamePosition, $"{Path}.{property.Name}",
                    $"Field '{property.Name}' is written twice; the last one counts.", "Remove one of them.");
            }

            var fieldIndex = Spec.IndexOf(property.Name);
            if (fieldIndex < 0)
            {
                var close = Suggest(property.Name, Spec.Fields.Select(f => f.Name));
                Report(DiagnosticCodes.UnknownField, property.NamePosition, $"{Path}.{property.Name}",
                    $"Unknown field '{property.Name}' in {Spec.Title.ToLowerInvariant()}; it is ignored.",
                    close is null ? null : $"Did you mean '{close}'?");
                continue;
            }

            if (CheckValue(Spec.Fields[fieldIndex], property.Value, new FieldPath(Path, property.Name))) _valid |= 1UL << fieldIndex;
        }

        foreach (var field in Spec.RequiredFields)
        {
            if (_obj.Property(field.Name) is not null) continue;
            Report(DiagnosticCodes.Required, _obj.Position, $"{Path}.{field.Name}",
                $"{Spec.Title} has no '{field.Name}' ({Describe(field)}).", $"Add \"{field.Name}\": {Example(field)}.");
        }
    }

    private static bool WrittenBefore(List<JProperty> properties, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (string.Equals(properties[i].Name, properties[index].Name, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    private bool CheckValue(FieldSpec field, JNode node, FieldPath path)
    {
        switch (field.Type)
        {
            case FieldType.String:
                if (!IsKind(node, JValueKind.String, field, path)) return false;
                return CheckAllowed(field, (JValue)node, path);
            case FieldType.Id:
                return IsKind(node, JValueKind.String, field, path) && CheckId((JValue)node, path);
            case FieldType.Boolean:
                return IsKind(node, JValueKind.Boolean, field, path);
            case FieldType.Number:
            case FieldType.Integer:
                return CheckNumber(field, node, path);
            case FieldType.Object:
                if (node is JObject) return true;
                return WrongType(field, node, path);
            case FieldType.IdList:
                if (node is not JArray ids) return WrongType(field, node, path);
                var ok = true;
                for (var i = 0; i < ids.Items.Count; i++)
                {
                    var item = ids.Items[i];
                    if (item is not JValue { Kind: JValueKind.String } v)
                    {
                        Report(DiagnosticCodes.WrongType, item.Position, path.Child(i), $"Expected an id (string), found {item.TypeName}.", null);
                        ok = false;
                    }
                    else if (!CheckId(v, path.Child(i))) ok = false;
                }

                return ok;
            case FieldType.ObjectList:
                if (node is not JArray list) return WrongType(field, node, path);
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (list.Items[i] is not JObject)
                        Report(DiagnosticCodes.WrongType, list.Items[i].Position, path.Child(i), $"Expected an object ({field.Element!.Title.ToLowerInvariant()}), found {list.Items[i].TypeName}.", null);
                }

                return true;
            default:
                return false;
        }
    }

    private bool CheckNumber(FieldSpec field, JNode node, FieldPath path)
    {
        var valueNode = node;
        if (field.Figure && node is JObject figure)
        {
            var ok = true;
            foreach (var p in figure.Properties.Where(p => p.Name is not ("value" or "source")))
            {
                Report(DiagnosticCodes.UnknownField, p.NamePosition, path.Child(p.Name), $"Unknown field '{p.Name}' in a figure; a figure is {{ \"value\": n, \"source\": \"seed-id\" }}.", null);
            }

            if (figure["source"] is { } source)
            {
                var sourcePath = path.Child("source");
                if (!(IsKind(source, JValueKind.String, field, sourcePath) && CheckId((JValue)source, sourcePath))) ok = false;
            }
            if (figure["value"] is not { } inner)
            {
                Report(DiagnosticCodes.Required, figure.Position, path.Child("value"), "Figure object has no 'value'.", "Write { \"value\": n, \"source\": \"seed-id\" }.");
                return false;
            }

            valueNode = inner;
            if (!ok) return false;
        }

        if (valueNode is not JValue { Kind: JValueKind.Number } number) return WrongType(field, valueNode, path);
        var value = number.Number;
        if (!double.IsFinite(value))
        {
            Report(DiagnosticCodes.NotFinite, number.Position, path, $"{number.Text} is not a finite number.", null);
            return false;
        }

        if (field.Type == FieldType.Integer && value != Math.Floor(value))
        {
            Report(DiagnosticCodes.WrongType, number.Position, path, $"Expected a whole number, found {number.Text}.", null);
            return false;
        }

        if (field.Type == FieldType.Integer && !field.Allowed.IsDefaultOrEmpty && !field.Allowed.Contains(number.Text!))
        {
            var code = field.Name == "formatVersion" ? DiagnosticCodes.Version : DiagnosticCodes.NotAllowed;
            Report(code, number.Position, path, $"'{field.Name}' is {number.Text}; allowed: {string.Join(", ", field.Allowed)}.", null);
            return false;
        }

        var min = field.EffectiveMinimum;
        var max = field.EffectiveMaximum;
        if ((min is { } lo && value < lo) || (max is { } hi && value > hi))
        {
            var coordinate = field.Unit == "deg";
            var unit = field.Unit is null ? "" : $" {FormatTable.UnitOf(field.Unit).Meaning}";
            Report(coordinate ? DiagnosticCodes.CoordinateOutOfRange : DiagnosticCodes.OutOfRange, number.Position, path,
                $"{field.Name} = {number.Text} is outside {Format(min)}…{Format(max)}{unit}.", null);
            return false;
        }

        return true;
    }

    private static string Format(double? d) => d is { } v ? v.ToString("G", CultureInfo.InvariantCulture) : "";

    private bool IsKind(JNode node, JValueKind kind, FieldSpec field, FieldPath path) =>
        (node is JValue v && v.Kind == kind) || WrongType(field, node, path);

    private bool WrongType(FieldSpec field, JNode node, FieldPath path)
    {
        Report(DiagnosticCodes.WrongType, node.Position, path, $"'{field.Name}' must be {Describe(field)}, found {node.TypeName}.", $"For example \"{field.Name}\": {Example(field)}.");
        return false;
    }

    private bool CheckAllowed(FieldSpec field, JValue value, FieldPath path)
    {
        if (field.Allowed.IsDefaultOrEmpty || field.Allowed.Contains(value.Text!)) return true;
        var close = Suggest(value.Text!, field.Allowed);
        Report(DiagnosticCodes.NotAllowed, value.Position, path,
            $"'{field.Name}' is \"{value.Text}\"; allowed: {string.Join(", ", field.Allowed)}.", close is null ? null : $"Did you mean \"{close}\"?");
        return false;
    }

    private bool CheckId(JValue value, FieldPath path)
    {
        if (IdRegex().IsMatch(value.Text!)) return true;
        Report(DiagnosticCodes.BadId, value.Position, path, $"\"{value.Text}\" is not a valid id.", null);
        return false;
    }

    private void Report(DiagnosticCode code, SourcePosition position, string path, string message, string? hint) =>
        _diagnostics.Add(code.At(position, path, message, hint));

    public static string Describe(FieldSpec field) => field.Type switch
    {
        FieldType.String => field.Allowed.IsDefaultOrEmpty ? "a string" : $"one of {string.Join(", ", field.Allowed)}",
        FieldType.Id => "an id (string)",
        FieldType.Number => field.Figure ? "a number (or { value, source })" : "a number",
        FieldType.Integer => "a whole number",
        FieldType.Boolean => "true or false",
        FieldType.Object => "an object",
        FieldType.IdList => "a list of ids",
        _ => "a list of objects",
    };

    private static string Example(FieldSpec field) => field.Type switch
    {
        FieldType.String => field.Allowed.IsDefaultOrEmpty ? "\"…\"" : $"\"{field.Allowed[0]}\"",
        FieldType.Id => "\"some-id\"",
        FieldType.Number or FieldType.Integer => field.Allowed.IsDefaultOrEmpty ? "0" : field.Allowed[0],
        FieldType.Boolean => "true",
        FieldType.Object => "{ … }",
        FieldType.IdList => "[\"some-id\"]",
        _ => "[ { … } ]",
    };

    /// <summary>The closest candidate within a small edit distance (for "did you mean" hints), or null.</summary>
    public static string? Suggest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            var d = Distance(name.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (c, d);
        }

        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex(FormatTable.IdPattern)]
    private static partial Regex IdRegex();

    /// <summary>
    /// A field's index-form path, joined only when a problem is reported: the reader checks every field of every
    /// element, and formatting each path up front cost a string per field on every bind.
    /// </summary>
    private readonly record struct FieldPath(string Element, string Field, string? Tail = null)
    {
        public FieldPath Child(string name) => this with { Tail = Tail + "." + name };

        public FieldPath Child(int index) => this with { Tail = Tail + "[" + index.ToString(CultureInfo.InvariantCulture) + "]" };

        public override string ToString() => $"{Element}.{Field}{Tail}";

        public static implicit operator string(FieldPath path) => path.ToString();
    }
}
