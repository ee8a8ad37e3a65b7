using System.Collections.Immutable;

namespace Logistics.Analysis;

/// <summary>
/// The one mapping between <see cref="AnalysisKind"/> and the names users write and outputs carry ("solve",
/// "compare", "value", "sweep", "resilience"), so a new analysis is named in one place.
/// </summary>
public static class AnalysisKinds
{
    /// <summary>Every analysis, in the order a report presents them.</summary>
    public static ImmutableArray<AnalysisKind> All { get; } =
        [AnalysisKind.Solve, AnalysisKind.Compare, AnalysisKind.Value, AnalysisKind.Sweep, AnalysisKind.Resilience];

    /// <summary>What runs when a request names no analysis: every one but the sweep (which needs a parameter to be useful).</summary>
    public static ImmutableArray<AnalysisKind> Default { get; } =
        [AnalysisKind.Solve, AnalysisKind.Compare, AnalysisKind.Value, AnalysisKind.Resilience];

    /// <summary>The names of <see cref="All"/>, in report order.</summary>
    public static ImmutableArray<string> Names { get; } = [.. All.Select(Name)];

    /// <summary>The user-facing name: lower case, as in <c>--analyses</c> and result.json.</summary>
    public static string Name(this AnalysisKind kind) => kind switch
    {
        AnalysisKind.Solve => "solve",
        AnalysisKind.Compare => "compare",
        AnalysisKind.Value => "value",
        AnalysisKind.Sweep => "sweep",
        AnalysisKind.Resilience => "resilience",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an analysis."),
    };

    /// <summary>The analysis a user-facing name stands for; names are matched exactly (ordinal, lower case).</summary>
    public static bool TryParse(string? name, out AnalysisKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name(), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }

    /// <summary>True when <paramref name="name"/> names an analysis.</summary>
    public static bool IsKnown(string? name) => TryParse(name, out _);

    /// <summary>
    /// The analyses <paramref name="names"/> ask for, in report order and each once; the defaults when none is named.
    /// Unknown names are left out (callers check them first with <see cref="IsKnown"/>, to say which one is wrong).
    /// </summary>
    public static ImmutableArray<AnalysisKind> Select(IEnumerable<string>? names)
    {
        var asked = new HashSet<AnalysisKind>();
        foreach (var name in names ?? [])
        {
            if (TryParse(name, out var kind)) asked.Add(kind);
        }
        return asked.Count == 0 ? Default : [.. All.Where(asked.Contains)];
    }
}
