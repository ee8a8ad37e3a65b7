using System.Globalization;
using System.Text.RegularExpressions;

using Logistics.Network.Diagnostics;
using Logistics.Network.IO.Format;
using Logistics.Network.IO.Json;
using Logistics.Network.Model;

namespace Logistics.Network.IO.Binding;

/// <summary>One numeric change to apply to the tree, with where it was written (for its diagnostics and the new value's position).</summary>
/// <param name="Period">A scenario change that names a period acts from that period on (plans over time); null: every period.</param>
public sealed record TreeChange(string Path, ChangeOperation Operation, double Value, string? Source, SourcePosition Position, string? Period = null);

/// <summary>
/// Applies scenario changes to the positioned tree before binding, so a changed value that is then invalid
/// (a negative capacity) is reported at the change that made it. Paths follow docs/format.md.
/// </summary>
internal static partial class TreeOverlay
{
    public static void Apply(JObject root, TreeChange change, List<Diagnostic> diagnostics)
    {
        var segments = change.Path.Split('.');
        var targets = new List<(JObject Obj, ElementSpec Spec)> { (root, FormatTable.Network) };
        var wildcard = false;
        for (var s = 0; s < segments.Length; s++)
        {
            var match = SegmentRegex().Match(segments[s]);
            if (!match.Success)
            {
                diagnostics.Add(DiagnosticCodes.BadPath.At(change.Position, change.Path, $"'{segments[s]}' in path '{change.Path}' is not a field name with an optional [id], [*] or [index]."));
                return;
            }

            var name = match.Groups[1].Value;
            var selector = match.Groups[2].Success ? match.Groups[2].Value : null;
            var spec = targets[0].Spec;
            var field = spec.Field(name);
            if (field is null || name is "$schema")
            {
                var close = ElementReader.Suggest(name, spec.Fields.Select(f => f.Name));
                diagnostics.Add(DiagnosticCodes.PathMatchesNothing.At(change.Position, change.Path,
                    $"Path '{change.Path}' names no field '{name}' in {spec.Title.ToLowerInvariant()}.", close is null ? null : $"Did you mean '{close}'?"));
                return;
            }

            var last = s == segments.Length - 1;
            if (last)
            {
                if (!field.IsNumeric)
                {
                    diagnostics.Add(DiagnosticCodes.NotNumeric.At(change.Position, change.Path, $"'{name}' is {ElementReader.Describe(field)}, not a number."));
                    return;
                }

                if (selector is not null)
                {
                    diagnostics.Add(DiagnosticCodes.BadPath.At(change.Position, change.Path, $"'{name}' is a number; it takes no [selector]."));
                    return;
                }

                var applied = 0;
                foreach (var (obj, _) in targets)
                    applied += ApplyTo(obj, field, change, wildcard, diagnostics) ? 1 : 0;
                if (applied == 0 && targets.Count > 0 && !wildcard) return; // ApplyTo reported why
                if (applied == 0)
                    diagnostics.Add(DiagnosticCodes.PathMatchesNothing.At(change.Position, change.Path, $"Path '{change.Path}' matches no value that can be changed."));
                return;
            }

            var next = new List<(JObject, ElementSpec)>();
            if (field.Type == FieldType.Object)
            {
                if (selector is not null)
                {
                    diagnostics.Add(DiagnosticCodes.BadPath.At(change.Position, change.Path, $"'{name}' is an object; it takes no [selector]."));
                    return;
                }

                foreach (var (obj, _) in targets)
                {
                    if (obj[name] is JObject child) next.Add((child, field.Element!));
                    else if (change.Operation == ChangeOperation.Set && obj[name] is null)
                    {
                        var created = new JObject(change.Position);
                        obj.Set(name, created);
                        next.Add((created, field.Element!));
                    }
                }
            }
            else if (field.Type == FieldType.ObjectList)
            {
                if (selector is null)
                {
                    diagnostics.Add(DiagnosticCodes.BadPath.At(change.Position, change.Path, $"'{name}' is a list; write {name}[id] or {name}[*]."));
                    return;
                }

                wildcard |= selector == "*";
                foreach (var (obj, _) in targets)
                {
                    if (obj[name] is not JArray array) continue;
                    for (var i = 0; i < array.Items.Count; i++)
                    {
                        if (array.Items[i] is JObject item && Selects(selector, item, i)) next.Add((item, field.Element!));
                    }
                }
            }
            else
            {
                diagnostics.Add(DiagnosticCodes.BadPath.At(change.Position, change.Path, $"'{name}' is {ElementReader.Describe(field)}; a path can only go through objects and lists of objects."));
                return;
            }

            if (next.Count == 0)
            {
                diagnostics.Add(DiagnosticCodes.PathMatchesNothing.At(change.Position, change.Path,
                    $"Path '{change.Path}' matches nothing: no {name}{(selector is null ? "" : $"[{selector}]")} there.", "Check the id (logistics describe lists them)."));
                return;
            }

            targets = next;
        }
    }

    private static bool Selects(string selector, JObject item, int index)
    {
        if (selector == "*") return true;
        // An index beyond int32 selects nothing (reported as such), never an overflow.
        if (selector.All(char.IsAsciiDigit)) return int.TryParse(selector, NumberStyles.None, CultureInfo.InvariantCulture, out var wanted) && wanted == index;
        return KeyOf(item) == selector;
    }

    /// <summary>The key an element is selected by: its id, or for supplies/demands the commodity, for capacity increments the target.</summary>
    internal static string? KeyOf(JObject item)
    {
        foreach (var key in (string[])["id", "commodity", "port", "link"])
        {
            if (item[key] is JValue { Kind: JValueKind.String } v) return v.Text;
        }

        return null;
    }

    private static bool ApplyTo(JObject obj, FieldSpec field, TreeChange change, bool wildcard, List<Diagnostic> diagnostics)
    {
        var existing = obj[field.Name];
        var figure = existing as JObject;
        var numberNode = figure is not null ? figure["value"] as JValue : existing as JValue;
        double? current = numberNode is { Kind: JValueKind.Number } ? numberNode.Number
            : existing is null && field.Default is { } d ? Convert.ToDouble(d, CultureInfo.InvariantCulture) : null;
        if (existing is not null && current is null) return false; // a wrong type: the binder reports it
        if (current is null && change.Operation != ChangeOperation.Set)
        {
            if (!wildcard)
            {
                diagnostics.Add(DiagnosticCodes.PathMatchesNothing.At(change.Position, change.Path,
                    $"'{field.Name}' is absent ({field.AbsentMeans ?? "no value"}), so it cannot be {(change.Operation == ChangeOperation.Multiply ? "multiplied" : "added to")}.",
                    "Use \"set\" to give it a value."));
            }

            return false;
        }

        var value = change.Operation switch
        {
            ChangeOperation.Set => change.Value,
            ChangeOperation.Multiply => current!.Value * change.Value,
            _ => current!.Value + change.Value,
        };
        var adjusted = change.Operation != ChangeOperation.Set;
        var newNumber = JValue.FromNumber(value, change.Position, adjusted);
        if (change.Source is not null)
        {
            // The change's own source cites the new figure, whatever the operation (an absent field included).
            var withSource = adjusted && figure is not null ? (JObject)figure.DeepClone() : new JObject(change.Position);
            withSource.Set("value", newNumber);
            withSource.Set("source", new JValue(change.Position, JValueKind.String, change.Source));
            obj.Set(field.Name, withSource);
        }
        else if (adjusted && figure is not null)
        {
            var copy = (JObject)figure.DeepClone();
            copy.Set("value", newNumber);
            obj.Set(field.Name, copy);
        }
        else
        {
            obj.Set(field.Name, newNumber);
        }

        return true;
    }

    [GeneratedRegex(@"^([A-Za-z]+)(?:\[([^\[\]]+)\])?$")]
    private static partial Regex SegmentRegex();
}
