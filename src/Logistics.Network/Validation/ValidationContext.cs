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
    /// One comparison per pair, with the first-seen index as the last key, gives the same order as the stable multi-key
    /// LINQ sort it replaces at a fraction of its cost (a file without seeds yields a warning per figure).
    /// </summary>
    public static ImmutableArray<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics, bool strict)
    {
        var unique = new HashSet<Diagnostic>();
        var kept = new List<Diagnostic>();
        foreach (var d in diagnostics)
        {
            var e = strict && d.Severity == Severity.Warning ? d with { Severity = Severity.Error } : d;
            if (unique.Add(e)) kept.Add(e);
        }

        var order = new int[kept.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => Compare(kept[a], kept[b]) is var c && c != 0 ? c : a.CompareTo(b));
        var sorted = ImmutableArray.CreateBuilder<Diagnostic>(order.Length);
        foreach (var i in order) sorted.Add(kept[i]);
        return sorted.MoveToImmutable();
    }

    private static int Compare(Diagnostic x, Diagnostic y)
    {
        var c = (x.File is null ? 1 : 0).CompareTo(y.File is null ? 1 : 0);
        if (c == 0) c = string.CompareOrdinal(x.File, y.File);
        if (c == 0) c = (x.Line ?? int.MaxValue).CompareTo(y.Line ?? int.MaxValue);
        if (c == 0) c = (x.Column ?? 0).CompareTo(y.Column ?? 0);
        if (c == 0) c = string.CompareOrdinal(x.Code, y.Code);
        if (c == 0) c = string.CompareOrdinal(x.Path, y.Path);
        if (c == 0) c = string.CompareOrdinal(x.Message, y.Message);
        return c;
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
