using System.Collections.Immutable;

using Logistics.Network.Diagnostics;
using Logistics.Network.IO.Binding;
using Logistics.Network.IO.Json;
using Logistics.Network.Model;

namespace Logistics.Network.Validation;

/// <summary>Sorts diagnostics by file, line and column (then code) and, in strict mode, promotes warnings to errors.</summary>
public static class DiagnosticOrder
{
    // Bits of the packed sort key: file rank, then line, then column (63 bits, so the key stays positive). Input files
    // are at most 16 MiB (InputFileReader), so lines and columns fit in 25 bits; more files than 2^13 fall back to the
    // plain comparison.
    private const int PlaceBits = 25;
    private const long NoLine = (1L << PlaceBits) - 1;
    private const int MaxFiles = 1 << 13;

    /// <summary>
    /// Distinct diagnostics by file (none last), line, column, code, path and message; ties keep their first-seen order.
    /// A file without seeds yields a warning per figure (tens of thousands), so the sort is on one packed integer per
    /// diagnostic (file rank, line, column): a primitive sort, no delegate and no string compared. Only diagnostics at
    /// the same position are then ordered by code, path and message and de-duplicated, which gives the same result as
    /// hashing every diagnostic into a set and a stable multi-key sort.
    /// </summary>
    public static ImmutableArray<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics, bool strict)
    {
        var kept = new List<Diagnostic>();
        foreach (var d in diagnostics)
            kept.Add(strict && d.Severity == Severity.Warning ? d with { Severity = Severity.Error } : d);

        // Runs of diagnostics share one file (thousands from one network file): hash a file name only when it changes.
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        string? previous = null;
        foreach (var d in kept)
        {
            if (d.File is { } file && !ReferenceEquals(file, previous)) distinct.Add(previous = file);
        }

        var files = distinct.Order(StringComparer.Ordinal).ToList();
        var rank = files.Select((f, i) => (f, i)).ToDictionary(t => t.f, t => t.i, StringComparer.Ordinal);
        if (files.Count >= MaxFiles)
            return [.. Distinct(kept).Select((d, i) => (d, i)).OrderBy(t => t.d, Comparer<Diagnostic>.Create(Compare)).ThenBy(t => t.i).Select(t => t.d)];

        var keys = new long[kept.Count];
        var order = new int[kept.Count];
        (string? File, int Rank) last = (null, files.Count);
        for (var i = 0; i < keys.Length; i++)
        {
            var d = kept[i];
            long line = d.Line is { } l ? Math.Clamp(l, 0, NoLine - 1) : NoLine;
            long column = d.Column is { } c ? Math.Clamp(c, 0, NoLine) : 0;
            if (!ReferenceEquals(d.File, last.File)) last = (d.File, d.File is null ? files.Count : rank[d.File]);
            keys[i] = ((long)last.Rank << (2 * PlaceBits)) | (line << PlaceBits) | column;
            order[i] = i;
        }

        Array.Sort(keys, order);
        var sorted = ImmutableArray.CreateBuilder<Diagnostic>(keys.Length);
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start]) end++;
            if (end - start == 1)
            {
                sorted.Add(kept[order[start]]);
            }
            else
            {
                // The primitive sort is not stable: restore first-seen order within the position, then compare the rest.
                Array.Sort(order, start, end - start);
                var group = Distinct(order.AsSpan(start, end - start).ToArray().Select(i => kept[i]));
                sorted.AddRange(group.Select((d, i) => (d, i)).OrderBy(t => t.d, Comparer<Diagnostic>.Create(Compare)).ThenBy(t => t.i).Select(t => t.d));
            }

            start = end;
        }

        return sorted.ToImmutable();
    }

    /// <summary>Each distinct diagnostic once, first-seen first.</summary>
    private static List<Diagnostic> Distinct(IEnumerable<Diagnostic> diagnostics)
    {
        var seen = new HashSet<Diagnostic>();
        return [.. diagnostics.Where(seen.Add)];
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
