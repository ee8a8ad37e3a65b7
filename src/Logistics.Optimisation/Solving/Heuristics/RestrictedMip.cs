using System.Collections.Immutable;

using Google.OrTools.LinearSolver;

using Logistics.Optimisation.Model;

namespace Logistics.Optimisation.Solving.Heuristics;

/// <summary>
/// MIP neighbourhoods (RINS, after Danna, Rothberg and Le Pape 2005; docs/model.md, "MIP neighbourhoods"): fix every
/// free build variable on which the best plan and the relaxation agree, solve what is left as a MIP (SCIP, started from
/// the plan, so it never ends worse) under a share of the time, and keep its plan when the fixed-build LP prices it
/// cheaper. From each better plan the narrowest neighbourhood is tried again (the agreement has changed); when one gives
/// nothing the next is wider (fewer variables fixed); the search ends when the widest gives nothing or time runs out.
/// Why: on the 200-commodity C instances the full MIP does not finish its root LP within a 120 s limit, while a MIP
/// over the few dozen options the relaxation leaves undecided solves in seconds and finds what single open/close moves
/// (the local search) cannot.
/// </summary>
internal static class RestrictedMip
{
    /// <summary>
    /// Share of the time left that one restricted MIP may take, so a neighbourhood that stalls leaves time for the next.
    /// Of the time left rather than of the whole budget: on c37 under load a single restricted MIP with its model build
    /// took 31 s and improved the plan once, so a fixed slice of the budget left no second try.
    /// </summary>
    public const double SubMipShare = 0.5;

    /// <summary>Share of the time given kept back for pricing the last plan and completing its values.</summary>
    private const double Reserve = 0.05;

    /// <summary>Relative gap at which a restricted MIP may stop: it is a heuristic, and the full MIP closes the rest.</summary>
    private const double SubMipGap = 1e-4;

    /// <summary>
    /// The neighbourhoods, narrowest first: how far a relaxed build value may be from the plan's 0 or 1 and still count
    /// as agreeing; the last fixes only the options that both leave closed (relaxed value 0), so every built one is free.
    /// </summary>
    private static readonly (string Name, double Agreement, bool FixOpen)[] Neighbourhoods =
        [("agree within 0.1", 0.1, true), ("agree within 0.01", 0.01, true), ("closed in both", 1e-6, false)];

    /// <summary>The best plan found, never worse than <paramref name="start"/>; <paramref name="addRows"/> adds cuts to each restricted MIP (the separated linking rows).</summary>
    public static BuildPlan Run(BuildPlan start, double[] relaxed, FixedBuildEvaluator evaluator, Action<OptimisationModel>? addRows = null)
    {
        var budget = evaluator.TimeLeft;
        if (budget <= TimeSpan.Zero || start.Open.Length == 0)
            return start;
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools could not create SCIP.");
        // The same network, families and options as the evaluator's LP, so its values are a complete start here.
        var model = ModelBuilder.Build(evaluator.Model.Network, solver, integerBuilds: true, evaluator.Model.Options);
        addRows?.Invoke(model);
        var y = evaluator.FreeOptions.Select(id => model.Build[id]).ToArray();
        var variables = solver.variables().ToArray();
        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, SubMipGap);

        var best = start;
        var tried = new HashSet<string>(StringComparer.Ordinal);
        var next = 0;
        while (next < Neighbourhoods.Length && !evaluator.OutOfTime)
        {
            var (_, agreement, fixOpen) = Neighbourhoods[next];
            var fix = Enumerable.Range(0, y.Length).Select(i => best.Open[i] ? fixOpen && relaxed[i] >= 1 - agreement : relaxed[i] <= agreement).ToArray();
            var free = fix.Count(f => !f);
            // Nothing free is the plan itself; nothing fixed is the full MIP, which runs next anyway. The same
            // neighbourhood around the same plan was already searched.
            var key = string.Concat(best.Open.Select((o, i) => fix[i] ? (o ? '1' : '0') : '*'));
            if (free == 0 || free == y.Length || !tried.Add(key))
            {
                next++;
                continue;
            }

            var limit = (evaluator.TimeLeft - (budget * Reserve)).TotalMilliseconds * SubMipShare;
            if (limit < 1 || evaluator.Values(best.Open) is not { } hint || hint.Length != variables.Length)
                break;
            for (var i = 0; i < y.Length; i++)
            {
                if (fix[i])
                    y[i].SetBounds(best.Open[i] ? 1 : 0, best.Open[i] ? 1 : 0);
                else
                    y[i].SetBounds(0, 1);
            }

            solver.SetHint(variables, hint);
            solver.SetTimeLimit((long)limit);
            Solver.ResultStatus status;
            using (evaluator.Cancellation.Register(() => solver.InterruptSolve()))
                status = solver.Solve(parameters);
            BuildPlan? found = null;
            if ((status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE) && !evaluator.Cancellation.IsCancellationRequested)
            {
                var open = y.Select(v => v.SolutionValue() > 0.5).ToImmutableArray();
                // Priced by the fixed-build LP like every other plan: the restricted MIP's own objective is not trusted.
                if (evaluator.Cost(open) is { } cost && cost < best.Cost * (1 - 1e-9))
                    found = new BuildPlan(open, cost, best.FoundBy.EndsWith(Suffix, StringComparison.Ordinal) ? best.FoundBy : best.FoundBy + Suffix);
            }

            if (found is null)
            {
                next++;
            }
            else
            {
                best = found;
                next = 0;
            }
        }

        return best;
    }

    private const string Suffix = " + MIP neighbourhood";
}
