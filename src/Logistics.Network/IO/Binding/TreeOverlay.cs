using System.Globalization;
using System.Text.RegularExpressions;

using Logistics.Network.Diagnostics;
using Logistics.Network.IO.Format;
using Logistics.Network.IO.Json;
using Logistics.Network.Model;

namespace Logistics.Network.IO.Binding;

/// <summary>
/// Applies scenario changes to the positioned tree before binding, so a changed value that is then invalid
/// (a negative capacity) is reported at the change that made it. Paths follow docs/format.md.
/// </summary>
internal static partial class TreeOverlay
{
    /// <summary>Applies one change; returns how many figures it changed (0 when it reported why not).</summary>
    /// <param name="resolved">
    /// Where earlier changes of the same pass found their targets, by path: changes only write numbers, and ids and
    /// filters compare text, so a path selects the same objects again unless its walk created one. 2,000 wildcard
    /// changes over two paths walk 20,000 links twice instead of 2,000 times.
    /// </param>
    /// <param name="resolveOnly">When given, the path is only resolved (its targets added here), nothing is changed but
    /// objects a set would create on the way (so give it a scratch copy); returns the number of targets.</param>
    public static int Apply(JObject root, TreeChange change, List<Diagnostic> diagnostics, Dictionary<string, ResolvedPath>? resolved = null, List<ResolvedPath>? resolveOnly = null)
    {
        if (resolveOnly is null && resolved is not null && resolved.TryGetValue(change.Path, out var known))
            return ApplyToTargets(known.Targets, known.Field, change, known.Wildcard, diagnostics);
        var created = false;
        var segments = change.Path.Split('.');
        // Each target also carries its id-form path (as the binder names figures; null under an element without a key),
        // for compiling a change to figure changes.
        // Only a compile (resolveOnly) needs them: a bind of 20,000 wildcard targets formats no paths.
        var compiling = resolveOnly is not null;
        var targets = new List<(JObject Obj, ElementSpec Spec, string? At)> { (root, FormatTable.Network, "") };
        var wildcard = false;
        for (var s = 0; s < segments.Length; s++)
        {
            var match = SegmentRegex().Match(segments[s]);
            if (!match.Success)
            {
                diagnostics.Add(DiagnosticCodes.BadPath.At(change.Position, change.Path, $"'{segments[s]}' in path '{change.Path}' is not a field name with an optional [id], [*], [index] or [field=value]."));
                return 0;
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
                return 0;
            }

            var last = s == segments.Length - 1;
            if (last)
            {
                if (!field.IsNumeric)
                {
                    diagnostics.Add(DiagnosticCodes.NotNumeric.At(change.Position, change.Path, $"'{name}' is {ElementReader.Describe(field)}, not a number."));
                    return 0;
                }

                if (selector is not null)
                {
                    diagnostics.Add(DiagnosticCodes.BadPath.At(change.Position, change.Path, $"'{name}' is a number; it takes no [selector]."));
                    return 0;
                }

                var found = targets.Select(t => t.Obj).ToList();
                var resolvedPath = !compiling ? new ResolvedPath(found, field, wildcard) : new ResolvedPath(found, field, wildcard)
                {
                    FigurePaths = [.. targets.Select(t => t.At is null ? null : $"{t.At}{(t.At.Length == 0 ? "" : ".")}{name}")],
                    Created = created,
                };
                if (resolved is not null && !created) resolved[change.Path] = resolvedPath;
                if (resolveOnly is not null)
                {
                    resolveOnly.Add(resolvedPath);
                    return found.Count;
                }

                return ApplyToTargets(found, field, change, wildcard, diagnostics);
            }

            var next = new List<(JObject Obj, ElementSpec Spec, string? At)>();
            if (field.Type == FieldType.Object)
            {
                if (selector is not null)
                {
                    diagnostics.Add(DiagnosticCodes.BadPath.At(change.Position, change.Path, $"'{name}' is an object; it takes no [selector]."));
                    return 0;
                }

                foreach (var (obj, _, at) in targets)
                {
                    var childAt = !compiling || at is null ? null : at.Length == 0 ? name : $"{at}.{name}";
                    if (obj[name] is JObject child) next.Add((child, field.Element!, childAt));
                    else if (change.Operation == ChangeOperation.Set && obj[name] is null)
                    {
                        var made = new JObject(change.Position);
                        obj.Set(name, made);
                        next.Add((made, field.Element!, childAt));
                        created = true;
                    }
                }
            }
            else if (field.Type == FieldType.ObjectList)
            {
                if (selector is null)
                {
                    diagnostics.Add(DiagnosticCodes.BadPath.At(change.Position, change.Path, $"'{name}' is a list; write {name}[id], {name}[*] or {name}[field=value]."));
                    return 0;
                }

                var filter = Filter.Parse(selector);
                if (filter is not null)
                {
                    var filterField = field.Element!.Field(filter.Field);
                    if (filterField is null || filterField.Type is not (FieldType.String or FieldType.Id or FieldType.IdList))
                    {
                        var scalars = field.Element!.Fields.Where(f => f.Type is FieldType.String or FieldType.Id or FieldType.IdList).Select(f => f.Name).ToList();
                        var close = ElementReader.Suggest(filter.Field, scalars);
                        diagnostics.Add(DiagnosticCodes.BadPath.At(change.Position, change.Path,
                            filterField is null
                                ? $"Filter [{selector}] in path '{change.Path}' names no field '{filter.Field}' in {field.Element!.Title.ToLowerInvariant()}."
                                : $"Filter [{selector}] in path '{change.Path}': '{filter.Field}' is {ElementReader.Describe(filterField)}; a filter compares a text field.",
                            close is not null && filterField is null ? $"Did you mean '{close}'? A filter can use {string.Join(", ", scalars)}." : $"A filter can use {string.Join(", ", scalars)}."));
                        return 0;
                    }
                }

                wildcard |= selector == "*" || filter is not null;
                foreach (var (obj, _, at) in targets)
                {
                    if (obj[name] is not JArray array) continue;
                    for (var i = 0; i < array.Items.Count; i++)
                    {
                        if (array.Items[i] is not JObject item || !(filter is not null ? filter.Selects(item, field.Element!) : Selects(selector, item, i))) continue;
                        if (!compiling)
                        {
                            next.Add((item, field.Element!, null));
                            continue;
                        }

                        var key = KeyOf(item);
                        var itemAt = at is null || key is null ? null : $"{at}{(at.Length == 0 ? "" : ".")}{name}[{key}]";
                        next.Add((item, field.Element!, itemAt));
                    }
                }

                if (next.Count == 0 && filter is not null)
                {
                    var allowed = field.Element!.Field(filter.Field)!.Allowed;
                    diagnostics.Add(DiagnosticCodes.PathMatchesNothing.At(change.Position, change.Path,
                        $"Path '{change.Path}' matches nothing: no {name} has {filter.Field} '{filter.Value}', so it changes 0 figures.",
                        allowed is { Length: > 0 } ? $"{filter.Field} is one of {string.Join(", ", allowed)}." : $"Check the value of {filter.Field} (logistics describe lists the elements)."));
                    return 0;
                }
            }
            else
            {
                diagnostics.Add(DiagnosticCodes.BadPath.At(change.Position, change.Path, $"'{name}' is {ElementReader.Describe(field)}; a path can only go through objects and lists of objects."));
                return 0;
            }

            if (next.Count == 0)
            {
                diagnostics.Add(DiagnosticCodes.PathMatchesNothing.At(change.Position, change.Path,
                    $"Path '{change.Path}' matches nothing: no {name}{(selector is null ? "" : $"[{selector}]")} there.", "Check the id (logistics describe lists them)."));
                return 0;
            }

            targets = next;
        }

        return 0; // an empty path: no segments to follow
    }

    /// <summary>The objects a path selects, the field it ends at, and whether a wildcard or filter selected them.</summary>
    internal sealed record ResolvedPath(List<JObject> Targets, FieldSpec Field, bool Wildcard)
    {
        /// <summary>Each target's figure path as the binder names it (null where an element on the way has no key).</summary>
        public List<string?> FigurePaths { get; init; } = [];

        /// <summary>True when the walk created an object on the way (a set under an absent object).</summary>
        public bool Created { get; init; }
    }


    private static int ApplyToTargets(List<JObject> targets, FieldSpec field, TreeChange change, bool wildcard, List<Diagnostic> diagnostics)
    {
        var applied = 0;
        foreach (var obj in targets)
            applied += ApplyTo(obj, field, change, wildcard, diagnostics) ? 1 : 0;
        if (applied == 0 && targets.Count > 0 && !wildcard) return 0; // ApplyTo reported why
        if (applied == 0)
            diagnostics.Add(DiagnosticCodes.PathMatchesNothing.At(change.Position, change.Path, $"Path '{change.Path}' matches no value that can be changed."));
        return applied;
    }

    private static bool Selects(string selector, JObject item, int index)
    {
        if (selector == "*") return true;
        // An index beyond int32 selects nothing (reported as such), never an overflow.
        if (selector.All(char.IsAsciiDigit)) return int.TryParse(selector, NumberStyles.None, CultureInfo.InvariantCulture, out var wanted) && wanted == index;
        return KeyOf(item) == selector;
    }

    /// <summary>A selector <c>[field=value]</c>: the elements whose text field has that value (or whose id list holds it).</summary>
    internal sealed record Filter(string Field, string Value)
    {
        public static Filter? Parse(string selector)
        {
            var eq = selector.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == selector.Length - 1) return null;
            return new Filter(selector[..eq].Trim(), selector[(eq + 1)..].Trim());
        }

        public bool Selects(JObject item, ElementSpec spec)
        {
            var node = item[Field];
            if (node is JValue { Kind: JValueKind.String } text) return text.Text == Value;
            if (node is JArray list) return list.Items.Any(x => x is JValue { Kind: JValueKind.String } t && t.Text == Value);
            return node is null && spec.Field(Field)?.Default is string d && d == Value;
        }
    }

    /// <summary>The key an element is selected by: its id, or for supplies/demands the commodity, for capacity increments the target.</summary>
    private static readonly string[] KeyFields = ["id", "commodity", "port", "link"];

    internal static string? KeyOf(JObject item)
    {
        foreach (var key in KeyFields)
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
        else if (figure is not null)
        {
            // No source given: the figure keeps its own (ScenarioChange), whatever the operation; a bare number, or a
            // field the file leaves out, stays a bare number and cites its element's source as before.
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
