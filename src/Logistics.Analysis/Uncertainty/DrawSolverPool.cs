using System.Collections.Concurrent;
using System.Collections.Immutable;

using Logistics.Network.Model;
using Logistics.Optimisation;
using Logistics.Optimisation.Stochastic;

namespace Logistics.Analysis.Uncertainty;

/// <summary>
/// Kept models (<see cref="ResolvableModel"/>) of one snapshot's shape, one per concurrent solve: a draw borrows one,
/// changes its figures, solves and gives it back, so the model is built once per thread, never per draw. The answer
/// depends on the draw alone, never on which model solved it or what that model solved before, so the report is the
/// same whatever <c>--parallel</c> is. Falls back to the scheduler's solve-afresh path when the settings rule a kept
/// model out (<see cref="ResolvableModel.Create"/> returns null).
/// </summary>
internal sealed class DrawSolverPool : IDisposable
{
    private readonly NetworkSnapshot _shape;
    private readonly SolveScheduler _scheduler;
    private readonly SolverSettings _settings;
    private readonly ConcurrentBag<ResolvableModel> _idle = [];

    /// <summary>Kept models of the shape with a one-period plan's builds fixed (a linear programme, GLOP), by plan.</summary>
    private readonly ConcurrentDictionary<string, ConcurrentBag<ResolvableModel>> _idleFixed = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<ResolvableModel> _all = [];
    private readonly bool _rebuildEachDraw;
    private int _solves;
    private int _unproven;

    /// <param name="rebuildEachDraw">Solve every draw afresh (a model built per draw), as before the kept models: for measuring.</param>
    public DrawSolverPool(NetworkSnapshot shape, SolveScheduler scheduler, bool rebuildEachDraw = false)
    {
        _shape = shape;
        _scheduler = scheduler;
        _settings = scheduler.Settings with { ComputePrices = false };
        _rebuildEachDraw = rebuildEachDraw;
    }

    /// <summary>The scheduler of solves made afresh (a fallback when no model can be kept); its tally counts those.</summary>
    public SolveScheduler Scheduler => _scheduler;

    /// <summary>Solves on kept models so far, and how many stopped before proving optimality.</summary>
    public SolveTally Tally => new(Volatile.Read(ref _solves), Volatile.Read(ref _unproven));

    /// <summary>Solves that could not reuse a kept model (a draw of another shape) and were built afresh.</summary>
    public int Rebuilds => _all.Sum(m => m.Rebuilds);

    /// <summary>
    /// The optimum of <paramref name="network"/> (a snapshot of the pool's shape), or, with <paramref name="plan"/>,
    /// the cost of that plan held fixed (option → year it enters service; the year is ignored for a one-period plan).
    /// </summary>
    public OptimisationResult Solve(NetworkSnapshot network, ImmutableDictionary<OptionId, bool>? hint, IReadOnlyDictionary<OptionId, int>? plan, CancellationToken ct)
    {
        if (_rebuildEachDraw)
            return SolveAfresh(network, hint, plan, ct);
        if (plan is not null && !network.IsPeriodised)
        {
            // A one-period plan held fixed is a linear programme: solved as the rebuild path solves it (builds forced,
            // GLOP), on a model kept per plan rather than the MIP with its binaries fixed.
            var built = plan.Keys.Order().ToList();
            var idle = _idleFixed.GetOrAdd(string.Join(",", built), _ => []);
            return SolveOn(idle, () => NetworkVariants.WithBuildsFixed(_shape, built), NetworkVariants.WithBuildsFixed(network, built), null, null, ct)
                ?? SolveAfresh(network, hint, plan, ct);
        }

        return SolveOn(_idle, () => _shape, network, hint, plan, ct) ?? SolveAfresh(network, hint, plan, ct);
    }

    /// <summary>Solves on a kept model of <paramref name="shape"/> from <paramref name="idle"/> (made on first use); null when none can be kept.</summary>
    private OptimisationResult? SolveOn(ConcurrentBag<ResolvableModel> idle, Func<NetworkSnapshot> shape, NetworkSnapshot network,
        ImmutableDictionary<OptionId, bool>? hint, IReadOnlyDictionary<OptionId, int>? plan, CancellationToken ct)
    {
        if (!idle.TryTake(out var model))
        {
            model = ResolvableModel.Create(shape(), _settings);
            if (model is null)
                return null;
            _all.Add(model);
        }

        try
        {
            var result = model.Solve(network, hint, plan, ct);
            Count(result);
            return result;
        }
        finally
        {
            idle.Add(model);
        }
    }

    /// <summary>The rebuild path: a fresh model per solve through the scheduler (a one-period plan's builds fixed by decisions).</summary>
    private OptimisationResult SolveAfresh(NetworkSnapshot network, ImmutableDictionary<OptionId, bool>? hint, IReadOnlyDictionary<OptionId, int>? plan, CancellationToken ct)
    {
        if (plan is null)
            return _scheduler.Solve(new SolveJob(network, hint), ct);
        if (!network.IsPeriodised)
            return _scheduler.Solve(new SolveJob(NetworkVariants.WithBuildsFixed(network, [.. plan.Keys])), ct);
        // A schedule is fixed exactly only on a kept model (bounds per period); one is made for this solve.
        using var once = ResolvableModel.Create(network, _settings)
            ?? throw new AnalysisInputException("A plan over time cannot be held fixed with these solver settings; drop the time limit or choose the scip backend.");
        var result = once.Solve(network, null, plan, ct);
        Count(result);
        return result;
    }

    private void Count(OptimisationResult result)
    {
        Interlocked.Increment(ref _solves);
        if (result.Status is SolveStatus.Feasible or SolveStatus.NoSolution)
            Interlocked.Increment(ref _unproven);
    }

    public void Dispose()
    {
        foreach (var model in _all)
            model.Dispose();
    }
}
