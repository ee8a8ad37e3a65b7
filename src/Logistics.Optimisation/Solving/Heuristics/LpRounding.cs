using System.Collections.Immutable;

namespace Logistics.Optimisation.Solving.Heuristics;

/// <summary>
/// LP rounding: build every option whose relaxed build value reaches a threshold, for a few thresholds from 0.5 down to
/// "any flow at all", each plan priced exactly. The lowest threshold is always feasible when the relaxation is (it
/// opens every arc the relaxation uses); the higher ones are cheaper when they are feasible.
/// </summary>
internal static class LpRounding
{
    private static readonly double[] Thresholds = [0.5, 0.25, 0.1, 0.01, 1e-6];

    public static BuildPlan? Run(FixedBuildEvaluator evaluator, double[] relaxed)
    {
        BuildPlan? best = null;
        foreach (var threshold in Thresholds)
        {
            var open = relaxed.Select(y => y >= threshold).ToImmutableArray();
            if (evaluator.Cost(open) is { } cost && (best is null || cost < best.Cost))
                best = new BuildPlan(open, cost, "LP rounding");
        }

        return best;
    }
}
