using System.Collections.Immutable;

namespace Logistics.Optimisation.Solving.Heuristics;

/// <summary>Which free options a plan builds (by index into <see cref="FixedBuildEvaluator.FreeOptions"/>), and what it costs.</summary>
internal sealed record BuildPlan(ImmutableArray<bool> Open, double Cost, string FoundBy)
{
    public int Built => Open.Count(o => o);

    /// <summary>A plan's builds as a string of 0s and 1s: the key plans are remembered and compared by.</summary>
    public static string KeyOf(IReadOnlyList<bool> open) => string.Concat(open.Select(o => o ? '1' : '0'));
}

/// <summary>What one heuristic found and how long it took (docs/model.md, "Good plans early").</summary>
internal sealed record HeuristicOutcome(string Heuristic, double? Cost, int Evaluations, TimeSpan Time);
