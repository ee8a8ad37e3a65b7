using System.Collections.Immutable;

using Logistics.Network.Diagnostics;
using Logistics.Network.IO;
using Logistics.Network.IO.Binding;
using Logistics.Network.IO.Json;

namespace Logistics.Network.Validation;

/// <summary>What every check needs: the snapshot, where its parts were written, its figures and the seeds register.</summary>
public sealed record ValidationContext(
    Model.Network Network,
    SourceMap Map,
    ImmutableArray<FigureRecord> Figures,
    SeedRegister Seeds,
    ImmutableArray<string> ChangeSources,
    string File)
{
    /// <summary>True when the snapshot is the base network as written (no scenario, no extra changes): only then is "seed unused" meaningful.</summary>
    public bool IsBase { get; init; } = true;

    /// <summary>Makes a diagnostic at the position recorded for <paramref name="path"/> (or its enclosing element).</summary>
    public Diagnostic At(DiagnosticCode code, string path, string message, string? hint = null) =>
        code.At(Map.Find(path) ?? new SourcePosition(File, 0, 0), path, message, hint);
}

/// <summary>Sorts diagnostics by file, line and column (then code) and, in strict mode, promotes warnings to errors.</summary>
public static class DiagnosticOrder
{
    /// <summary>
    /// Distinct diagnostics by file (none last), line, column, code, path and message; ties keep their first-seen order.
    /// A file without seeds yields a warning per figure (thousands), so the sort is on packed integer keys (file rank,
    /// line, column, first-seen index), with no delegate and no string compared; only diagnostics at the same position
    /// are then ordered by code, path and message and de-duplicated, which gives the same result as hashing every
    /// diagnostic into a set and a stable multi-key sort.
    /// </summary>
    public static ImmutableArray<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics, bool strict)
    {
        var kept = new List<Diagnostic>();
        foreach (var d in diagnostics)
            kept.Add(strict && d.Severity == Severity.Warning ? d with { Severity = Severity.Error } : d);

        var files = kept.Where(d => d.File is not null).Select(d => d.File!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rank = files.Select((f, i) => (f, i)).ToDictionary(t => t.f, t => t.i, StringComparer.Ordinal);
        var keys = new PositionKey[kept.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var d = kept[i];
            keys[i] = new PositionKey(d.File is null ? files.Count : rank[d.File], d.Line ?? int.MaxValue, d.Column ?? 0, i);
        }

        Array.Sort(keys);
        var sorted = ImmutableArray.CreateBuilder<Diagnostic>(keys.Length);
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end].SamePlace(keys[start])) end++;
            if (end - start == 1)
                sorted.Add(kept[keys[start].Index]);
            else
                AddTies(keys.AsSpan(start, end - start), kept, sorted);
            start = end;
        }

        return sorted.ToImmutable();
    }

    /// <summary>Diagnostics at one position, in first-seen order: sorted by code, path and message (stable), each distinct one once.</summary>
    private static void AddTies(ReadOnlySpan<PositionKey> ties, List<Diagnostic> kept, ImmutableArray<Diagnostic>.Builder sorted)
    {
        var group = new List<Diagnostic>(ties.Length);
        // A set only for a crowded position (findings without a place of their own): a short list is cheaper to scan.
        var seen = ties.Length > 16 ? new HashSet<Diagnostic>() : null;
        foreach (var key in ties)
        {
            var d = kept[key.Index];
            if (seen?.Add(d) ?? !group.Contains(d))
                group.Add(d);
        }

        sorted.AddRange(group.Select((d, i) => (d, i)).OrderBy(t => t.d.Code, StringComparer.Ordinal).ThenBy(t => t.d.Path, StringComparer.Ordinal)
            .ThenBy(t => t.d.Message, StringComparer.Ordinal).ThenBy(t => t.i).Select(t => t.d));
    }

    /// <summary>A diagnostic's place in the order: file rank (no file last), line (none last), column (none first), then first-seen index.</summary>
    private readonly record struct PositionKey(int File, int Line, int Column, int Index) : IComparable<PositionKey>
    {
        public bool SamePlace(PositionKey other) => File == other.File && Line == other.Line && Column == other.Column;

        public int CompareTo(PositionKey other)
        {
            var c = File.CompareTo(other.File);
            if (c == 0) c = Line.CompareTo(other.Line);
            if (c == 0) c = Column.CompareTo(other.Column);
            return c != 0 ? c : Index.CompareTo(other.Index);
        }
    }
}

/// <summary>Runs the check families in a fixed order, each timed as a stage when <see cref="StageTimings"/> are on.</summary>
public static class NetworkValidator
{
    /// <summary>Checks of the file as written (references, option logic, provenance); run on the base snapshot before a scenario's structure.</summary>
    public static IEnumerable<Diagnostic> ValidateDefinitions(ValidationContext context) =>
        ValidateReferences(context).Concat(ValidateProvenance(context));

    /// <summary>References and option logic: they read ids, kinds and links between elements, never a figure's value.</summary>
    public static IEnumerable<Diagnostic> ValidateReferences(ValidationContext context) =>
        Timed("references", ReferenceCheck.Run, context)
            .Concat(Timed("option logic", OptionLogicCheck.Run, context));

    /// <summary>Provenance: every figure against the seeds register (values included, so never reused between variants).</summary>
    public static IEnumerable<Diagnostic> ValidateProvenance(ValidationContext context) => Timed("seeds", SeedCheck.Run, context);

    /// <summary>Checks of the network's structure (reachability, connectivity, capacity, budget); run on the snapshot the optimiser will see.</summary>
    public static IEnumerable<Diagnostic> ValidateSnapshot(ValidationContext context) =>
        Timed("reachability", ReachabilityCheck.Run, context)
            .Concat(Timed("commodity reachability", CommodityReachabilityCheck.Run, context))
            .Concat(Timed("connectivity", ConnectivityCheck.Run, context))
            .Concat(Timed("supply capacity", SupplyCapacityCheck.Run, context))
            .Concat(Timed("budget", BudgetCheck.Run, context))
            .Concat(Timed("port capacity", PortCapacityCheck.Run, context));

    /// <summary>The check's findings, enumerated once, lazily, in order; timed when timings are on (the checks are lazy, so time them as they enumerate).</summary>
    private static IEnumerable<Diagnostic> Timed(string name, Func<ValidationContext, IEnumerable<Diagnostic>> check, ValidationContext context)
    {
        if (StageTimings.Current is null)
            return check(context);
        return StageTimings.Measure($"validate: {name}", () => check(context).ToList());
    }
}
