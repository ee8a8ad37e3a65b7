using Google.OrTools.LinearSolver;

using Logistics.Network.Model;
using Logistics.Optimisation.Model;
using Logistics.Optimisation.Solving.Heuristics;

namespace Logistics.Optimisation.Solving;

/// <summary>
/// A complete feasible starting solution for a MIP under a time limit (docs/model.md, "Starting solution"): the
/// linear programme with every free option left unbuilt, or, when that is infeasible, with every free option built,
/// solved with GLOP and handed to the backend as a full hint. A complete hint is an incumbent from the first moment,
/// so a time limit yields a plan with a proven gap rather than no solution. A hint on the build variables alone is
/// not enough: SCIP does not complete it before its root LP, which is what the time goes on at national scale.
/// With <see cref="ModelOptions.PrimalHeuristics"/> the start is the best plan of <see cref="PlanSearch"/> (strong
/// relaxation, LP rounding, slope scaling, MIP neighbourhoods on large models, local search), and with <see cref="ModelOptions.SeparatedLinkingRows"/> the
/// strong linking rows the relaxation needed are added to the MIP; build-nothing and build-all remain the fallback.
/// </summary>
internal static class IncumbentStart
{
    /// <summary>Hints <paramref name="model"/> with the first fixed-build LP that solves; false when none did within <paramref name="budget"/>.</summary>
    public static bool TryHint(OptimisationModel model, ModelOptions options, TimeSpan budget, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        time ??= TimeProvider.System;
        var started = time.GetTimestamp();
        if (options.PrimalHeuristics)
        {
            var addRows = options.SeparatedLinkingRows && !options.TightenBuiltLinks && !options.Elastic;
            var search = PlanSearch.Run(model.Network, options, budget, time, addRows ? r => r.AddSeparatedRowsTo(model) : null, cancellationToken: cancellationToken);
            model.RelaxationBound = search.RelaxationBound;
            if (search.Values is { } found && Hint(model, found))
                return true;
        }

        foreach (var build in new[] { false, true })
        {
            var left = budget - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero || cancellationToken.IsCancellationRequested)
                return false;
            var values = SolveFixed(model.Network, build, options, left);
            if (values is null)
                continue;
            return Hint(model, values);
        }

        return false;
    }

    private static bool Hint(OptimisationModel model, double[] values)
    {
        var variables = model.Solver.variables();
        if (variables.Count != values.Length)
            return false; // Not the same model: never hint with misaligned values.
        model.Solver.SetHint([.. variables], values);
        return true;
    }

    /// <summary>Every variable's value, in creation order, of the LP with each free option fixed at <paramref name="build"/>; null unless optimal.</summary>
    private static double[]? SolveFixed(NetworkSnapshot network, bool build, ModelOptions options, TimeSpan limit)
    {
        using var solver = Solver.CreateSolver("GLOP");
        if (solver is null)
            return null;
        // The same families in the same order as the MIP, so variable i here is variable i there.
        ModelBuilder.Build(network, solver, integerBuilds: false, options).FixFreeBuilds(_ => build);
        solver.SetTimeLimit((long)Math.Max(1, limit.TotalMilliseconds));
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
            return null;
        return [.. solver.variables().Select(v => v.SolutionValue())];
    }
}
