using System.Collections.Immutable;
using System.Globalization;

namespace Logistics.Network.IO.Format;

/// <summary>
/// One field of one element of the file format: the single description from which the binder takes its
/// defaults and checks, the JSON Schema generator its schema, and the docs generator docs/format.md.
/// </summary>
public sealed record FieldSpec(string Name, FieldType Type, string Description)
{
    public bool Required { get; init; }

    /// <summary>Unit name from <see cref="FormatTable.UnitOf"/>; null for unitless fields.</summary>
    public string? Unit { get; init; }

    /// <summary>Value used when the field is absent: a double, int, bool or string; null when absent means "none".</summary>
    public object? Default { get; init; }

    /// <summary>What absence means when there is no default value (for example "unlimited").</summary>
    public string? AbsentMeans { get; init; }

    public ImmutableArray<string> Allowed { get; init; } = [];

    /// <summary>Overrides the unit's lower limit (for example latitude −90).</summary>
    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    /// <summary>True for numbers that may be written as <c>{ "value": n, "source": "seed-id" }</c>.</summary>
    public bool Figure { get; init; }

    /// <summary>For ids and id lists: the collection the id must name (nodes, links, commodities, options, rules).</summary>
    public string? RefersTo { get; init; }

    /// <summary>For objects and object lists: the element they hold.</summary>
    public ElementSpec? Element { get; init; }

    /// <summary>Written even at its default or empty, so the file states it (a market list, the currency, the top-level lists).</summary>
    public bool AlwaysWritten { get; init; }

    /// <summary>How the binder and the writer reach the field in the snapshot; null for a field read or written by hand.</summary>
    public FieldAccess? Access { get; init; }

    public double? EffectiveMinimum => Minimum ?? (Unit is null ? null : FormatTable.UnitOf(Unit).Minimum);

    public double? EffectiveMaximum => Maximum ?? (Unit is null ? null : FormatTable.UnitOf(Unit).Maximum);

    public bool IsNumeric => Type is FieldType.Number or FieldType.Integer;

    /// <summary>
    /// A price, cost rate, distance or duration: it moves the objective but never which flows are possible, so no
    /// structural check (references, option logic, reachability, capacity, budget) reads it. A variant that changes only
    /// such figures reuses the base file's structural findings (NetworkSource.Bind); a test changes every figure of the
    /// shipped networks one at a time and proves the reuse gives the findings a full check gives.
    /// </summary>
    public bool IsCostFigure => Figure && Unit is "usdPerTonne" or "usdPerTkm" or "usdPerYear" or "days" or "km" or "ratio";

    /// <summary>The default as JSON text (for docs and schema), or null.</summary>
    public string? DefaultJson => Default switch
    {
        null => null,
        bool b => b ? "true" : "false",
        string s => $"\"{s}\"",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(Default, CultureInfo.InvariantCulture),
    };
}
