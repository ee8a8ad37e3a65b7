using System.Collections.Immutable;

using Google.OrTools.LinearSolver;

using Logistics.Optimisation.Model;

namespace Logistics.Optimisation.Solving.Heuristics;

/// <summary>
/// MIP neighbourhoods (RINS, after Danna, Rothberg and Le Pape 2005; docs/model.md, "MIP neighbourhoods"): fix every
/// free build variable on which the best plan and the relaxation agree, solve what is left as a MIP (SCIP, started from
/// the plan, so it never ends worse) under a share of the time, and keep its plan when the fixed-build LP prices it
/// cheaper. From each better plan the narrowest neighbourhood is tried again (the agreement has changed); when one gives
/// nothing the next is wider (fewer variables fixed); <see cref="Rins"/> ends when the widest gives nothing or time runs
/// out. <see cref="Explore"/> then spends the time left on <see cref="RandomNeighbourhoods"/> on the same SCIP model.
/// Why: on the 200-commodity C instances the full MIP does not finish its root LP within a 120 s limit, while a MIP
/// over the few dozen options the relaxation leaves undecided solves in seconds and finds what single open/close moves
/// (the local search) cannot.
/// </summary>
internal sealed class RestrictedMip : IDisposable
{
    /// <summary>
    /// Share of the time left that one restricted MIP may take, so a neighbourhood that stalls leaves time for the next.
    /// Of the time left rather than of the whole budget: on c37 under load a single restricted MIP with its model build
    /// took 31 s and improved the plan once, so a fixed slice of the budget left no second try.
    /// </summary>
    public const double SubMipShare = 0.5;

    /// <summary>Share of the time left one random neighbourhood may take: many small tries rather than one long one, as its size adapts to what fits.</summary>
    public const double ExploreShare = 0.25;

    /// <summary>Random neighbourhoods in a row without a better plan after which <see cref="Explore"/> stops before its time is up.</summary>
    public const int MaxFailures = 12;

    /// <summary>Share of the time given kept back for pricing the last plan and completing its values.</summary>
    private const double Reserve = 0.05;

    /// <summary>Relative gap at which a restricted MIP may stop: it is a heuristic, and the full MIP closes the rest.</summary>
    private const double SubMipGap = 1e-4;

    private const string Suffix = " + MIP neighbourhood";

    /// <summary>
    /// The neighbourhoods, narrowest first: how far a relaxed build value may be from the plan's 0 or 1 and still count
    /// as agreeing; the last fixes only the options that both leave closed (relaxed value 0), so every built one is free.
    /// </summary>
    private static readonly (string Name, double Agreement, bool FixOpen)[] Neighbourhoods =
        [("agree within 0.1", 0.1, true), ("agree within 0.01", 0.01, true), ("closed in both", 1e-6, false)];

    private readonly FixedBuildEvaluator _evaluator;
    private readonly double[] _relaxed;
    private readonly TimeSpan _reserve;
    private readonly Solver _solver;
    private readonly Variable[] _y;
    private readonly Variable[] _variables;
    private readonly MPSolverParameters _parameters = new();
    private readonly HashSet<string> _tried = new(StringComparer.Ordinal);
    private (string Key, double[]? Values)? _hint;

    /// <param name="addRows">Adds cuts to the restricted MIP's model (the separated linking rows).</param>
    public RestrictedMip(FixedBuildEvaluator evaluator, double[] relaxed, Action<OptimisationModel>? addRows = null)
    {
        _evaluator = evaluator;
        _relaxed = relaxed;
        _reserve = evaluator.TimeLeft * Reserve;
        _solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools could not create SCIP.");
        // The same network, families and options as the evaluator's LP, so its values are a complete start here.
        var model = ModelBuilder.Build(evaluator.Model.Network, _solver, integerBuilds: true, evaluator.Model.Options);
        addRows?.Invoke(model);
        _y = [.. evaluator.FreeOptions.Select(id => model.Build[id])];
        _variables = [.. _solver.variables()];
        _parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, SubMipGap);
    }

    /// <summary>Restricted MIPs solved so far (both phases).</summary>
    public int Solves { get; private set; }

    /// <summary>RINS then <see cref="Explore"/>: the best plan found, never worse than <paramref name="start"/>.</summary>
    public static BuildPlan Run(BuildPlan start, double[] relaxed, FixedBuildEvaluator evaluator, Action<OptimisationModel>? addRows = null, int seed = RandomNeighbourhoods.Seed)
    {
        if (evaluator.TimeLeft <= TimeSpan.Zero || start.Open.Length == 0)
            return start;
        using var search = new RestrictedMip(evaluator, relaxed, addRows);
        return search.Explore(search.Rins(start), seed);
    }

    /// <summary>The relaxation-guided neighbourhoods: the best plan found, never worse than <paramref name="start"/>.</summary>
    public BuildPlan Rins(BuildPlan start)
    {
        var best = start;
        var next = 0;
        while (next < Neighbourhoods.Length && !_evaluator.OutOfTime && best.Open.Length > 0)
        {
            var (_, agreement, fixOpen) = Neighbourhoods[next];
            var fix = Enumerable.Range(0, _y.Length).Select(i => best.Open[i] ? fixOpen && _relaxed[i] >= 1 - agreement : _relaxed[i] <= agreement).ToArray();
            var (found, _, skipped) = TrySolve(best, fix, SubMipShare);
            if (skipped is null)
                break;
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

    /// <summary>
    /// Random neighbourhoods (<see cref="RandomNeighbourhoods"/>, seeded with <paramref name="seed"/>) until the time
    /// left is the reserve or <see cref="MaxFailures"/> in a row give nothing: the best plan found, never worse than
    /// <paramref name="start"/>. Deterministic when each restricted MIP finishes within its time.
    /// </summary>
    public BuildPlan Explore(BuildPlan start, int seed = RandomNeighbourhoods.Seed)
    {
        var best = start;
        var neighbourhoods = new RandomNeighbourhoods(_evaluator.Model.Network, _evaluator.FreeOptions, _relaxed, seed);
        var failures = 0;
        while (failures < MaxFailures && !_evaluator.OutOfTime && best.Open.Length > 0)
        {
            var (fix, _) = neighbourhoods.Next(best.Open);
            var (found, proved, skipped) = TrySolve(best, fix, ExploreShare);
            if (skipped is null)
                break;
            if (found is not null)
            {
                best = found;
                failures = 0;
                continue;
            }

            failures++;
            if (skipped == false)
                neighbourhoods.Report(proved);
        }

        return best;
    }

    public void Dispose()
    {
        _parameters.Dispose();
        _solver.Dispose();
    }

    /// <summary>
    /// One restricted MIP around <paramref name="best"/> with <paramref name="fix"/>ed options held at the plan.
    /// Skipped (true) when nothing is free (the plan itself), nothing is fixed (the full MIP, which runs next anyway) or
    /// the same neighbourhood around the same plan was searched; null when no time is left for it.
    /// </summary>
    private (BuildPlan? Found, bool Proved, bool? Skipped) TrySolve(BuildPlan best, bool[] fix, double share)
    {
        var free = fix.Count(f => !f);
        var key = string.Concat(best.Open.Select((o, i) => fix[i] ? (o ? '1' : '0') : '*'));
        if (free == 0 || free == _y.Length || !_tried.Add(key))
            return (null, false, true);
        var limit = (_evaluator.TimeLeft - _reserve).TotalMilliseconds * share;
        if (limit < 1 || Hint(best) is not { } hint || hint.Length != _variables.Length)
            return (null, false, null);
        for (var i = 0; i < _y.Length; i++)
        {
            if (fix[i])
                _y[i].SetBounds(best.Open[i] ? 1 : 0, best.Open[i] ? 1 : 0);
            else
                _y[i].SetBounds(0, 1);
        }

        _solver.SetHint(_variables, hint);
        _solver.SetTimeLimit((long)limit);
        Solver.ResultStatus status;
        using (_evaluator.Cancellation.Register(() => _solver.InterruptSolve()))
            status = _solver.Solve(_parameters);
        Solves++;
        BuildPlan? found = null;
        if ((status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE) && !_evaluator.Cancellation.IsCancellationRequested)
        {
            var open = _y.Select(v => v.SolutionValue() > 0.5).ToImmutableArray();
            // Priced by the fixed-build LP like every other plan: the restricted MIP's own objective is not trusted.
            if (_evaluator.Cost(open) is { } cost && cost < best.Cost * (1 - 1e-9))
                found = new BuildPlan(open, cost, best.FoundBy.EndsWith(Suffix, StringComparison.Ordinal) ? best.FoundBy : best.FoundBy + Suffix);
        }

        return (found, status == Solver.ResultStatus.OPTIMAL, false);
    }

    /// <summary>The plan's complete values as the MIP start, re-solved only when the plan changed (each is an LP of the full model).</summary>
    private double[]? Hint(BuildPlan plan)
    {
        var key = string.Concat(plan.Open.Select(o => o ? '1' : '0'));
        if (_hint is not { } h || h.Key != key)
            _hint = (key, _evaluator.Values(plan.Open));
        return _hint.Value.Values;
    }
}
