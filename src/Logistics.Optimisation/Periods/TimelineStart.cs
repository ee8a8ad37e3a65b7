using Google.OrTools.LinearSolver;

using Logistics.Optimisation.Model;

namespace Logistics.Optimisation.Periods;

/// <summary>
/// A complete feasible start for a plan over time under a time limit (docs/model.md, "Plans over time"), so a limit
/// yields a plan with a gap rather than none: the schedule that builds nothing it may leave out (every in-service
/// variable at its lower bound: forced options from their year), or, when some period cannot be served that way, the
/// one that builds everything each period allows (upper bounds). With the schedule fixed the periods no longer interact,
/// so each period's flows come from the LP of its own copy (CLP, builds fixed; one LP refitted from period to period
/// and re-solved from the last basis) and the joint hint is their concatenation. A schedule at its bounds is monotone
/// (lead times, forced years) and pays no more capex in any year than the model demands, so the hint is feasible in the
/// joint model whenever each period's LP is.
/// </summary>
internal static class TimelineStart
{
    /// <summary>Hints the joint model; false when neither schedule gave every period an optimal LP within <paramref name="budget"/>.</summary>
    public static bool TryHint(TimelineModel model, TimeSpan budget, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Values(model, budget, time, cancellationToken) is not { } values)
            return false;
        model.Solver.SetHint([.. model.Solver.variables()], values);
        return true;
    }

    /// <summary>Every variable's value of the joint model, in creation order, for the first schedule whose period LPs all solve; null when none did.</summary>
    public static double[]? Values(TimelineModel model, TimeSpan budget, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var solver = Solving.Heuristics.ReoptimisingLp.Create();
        OptimisationModel? lp = null;
        foreach (var buildAll in new[] { false, true })
        {
            var values = new double[model.Solver.NumVariables()];
            var complete = true;
            for (var p = 0; p < model.Periods.Length && complete; p++)
            {
                var left = budget - time.GetElapsedTime(started);
                if (left <= TimeSpan.Zero || cancellationToken.IsCancellationRequested)
                    return null;
                lp = PeriodLp(model, p, solver, lp);
                if (lp is null)
                    return null;
                complete = SolvePeriod(model, p, lp, buildAll, left, values, cancellationToken);
            }

            if (complete)
                return values;
        }

        return null;
    }

    /// <summary>
    /// Period p's copy as an LP: the last period's LP refitted to p's figures when the shapes agree (one build for the
    /// whole horizon, and the dual simplex restarts from the last basis), else built afresh on an empty solver.
    /// </summary>
    private static OptimisationModel? PeriodLp(TimelineModel model, int p, Solver solver, OptimisationModel? last)
    {
        var copy = model.Periods[p];
        if (last?.Rebind(copy.Network) is { } rebound)
        {
            ModelRefit.Apply(rebound);
            return rebound;
        }

        if (last is not null)
            return null; // Another shape than the period before: not worth a second solver for a start.
        // The copy's snapshot and options, built by the same families in the same order: variable i here is the copy's i-th.
        return ModelBuilder.Build(copy.Network, solver, integerBuilds: false, copy.Options);
    }

    /// <summary>Solves the period's LP with its builds fixed to the schedule and writes its values at the copy's place in <paramref name="values"/>.</summary>
    private static bool SolvePeriod(TimelineModel model, int p, OptimisationModel lp, bool buildAll, TimeSpan limit, double[] values, CancellationToken cancellationToken)
    {
        var solver = lp.Solver;
        var (first, end) = (model.Starts[p].Variables, model.Starts[p + 1].Variables);
        if (solver.NumVariables() != end - first)
            return false; // Not the same shape: never hint with misaligned values.
        foreach (var option in model.Network.Options)
        {
            var z = model.InService(option.Id, p);
            var fixedAt = buildAll ? z.Ub() : z.Lb();
            lp.Build[option.Id].SetBounds(fixedAt, fixedAt);
        }

        solver.SetTimeLimit((long)Math.Max(1, limit.TotalMilliseconds));
        // CLP cannot be interrupted (ReoptimisingLp), so a cancel is seen when the LP ends.
        if (Solving.Heuristics.ReoptimisingLp.Resolve(solver) != Solver.ResultStatus.OPTIMAL || cancellationToken.IsCancellationRequested)
            return false;
        var variables = solver.variables();
        for (var i = 0; i < variables.Count; i++)
            values[first + i] = variables[i].SolutionValue();
        return true;
    }
}
