using System.Collections.Immutable;

using Google.OrTools.LinearSolver;

using Logistics.Network.Model;

namespace Logistics.Optimisation.Solving.Heuristics;

/// <summary>
/// Slope scaling (Kim and Pardalos 1999; Crainic, Gendron and Hernu 2004 for network design): replace each option's
/// fixed cost f by a linear charge on how much of it the last LP used, re-solve, repeat. In the relaxation the build
/// variable measures that use (a fraction of the capacity), so the charge is the build variable's objective
/// coefficient set to f / y_last: a plan that uses an option as much as last time pays exactly f for it. Every
/// iteration's support (the options with any use) is priced exactly by the fixed-build LP; the best is kept. Stops when
/// the support repeats, after <see cref="MaxIterations"/>, at the deadline, or when it has spent <c>cap</c> (so the MIP
/// neighbourhoods after it get their time: on c37 its LPs alone could fill the whole start).
/// </summary>
internal static class SlopeScaling
{
    public const int MaxIterations = 12;

    /// <summary>Smallest use a charge is scaled by: keeps the coefficients finite for options the last LP barely touched.</summary>
    private const double MinUse = 1e-3;

    public static BuildPlan? Run(Solver relaxation, IReadOnlyDictionary<OptionId, Variable> build, ImmutableArray<OptionId> freeOptions, FixedBuildEvaluator evaluator, TimeSpan? cap = null)
    {
        var keep = evaluator.LeftWhenSpent(cap);
        var objective = relaxation.Objective();
        var y = freeOptions.Select(id => build[id]).ToArray();
        var fixedCost = y.Select(v => objective.GetCoefficient(v)).ToArray();
        BuildPlan? best = null;
        string? last = null;
        try
        {
            for (var iteration = 0; iteration < MaxIterations && !evaluator.OutOfTime; iteration++)
            {
                var left = evaluator.TimeLeft - keep;
                if (left <= TimeSpan.Zero)
                    break;
                relaxation.SetTimeLimit((long)Math.Max(1, left.TotalMilliseconds));
                // Only the objective changes between iterations: the last basis stays primal feasible, so the primal simplex restarts from it.
                if (ReoptimisingLp.Resolve(relaxation, objectiveChanged: true) != Solver.ResultStatus.OPTIMAL)
                    break;
                var use = y.Select(v => v.SolutionValue()).ToArray();
                var open = use.Select(u => u > 1e-6).ToImmutableArray();
                var key = BuildPlan.KeyOf(open);
                if (key == last)
                    break;
                last = key;
                if (evaluator.Cost(open) is { } cost && (best is null || cost < best.Cost))
                    best = new BuildPlan(open, cost, "slope scaling");
                for (var i = 0; i < y.Length; i++)
                {
                    if (use[i] > 1e-6)
                        objective.SetCoefficient(y[i], fixedCost[i] / Math.Max(MinUse, use[i]));
                }
            }
        }
        finally
        {
            // Leave the relaxation as it was found.
            for (var i = 0; i < y.Length; i++)
                objective.SetCoefficient(y[i], fixedCost[i]);
        }

        return best;
    }
}
