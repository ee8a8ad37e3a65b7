using System.Collections.Immutable;

using Google.OrTools.LinearSolver;

using Logistics.Network.Model;
using Logistics.Optimisation.Model;

namespace Logistics.Optimisation.Solving.Heuristics;

/// <summary>
/// Prices a build plan exactly: the model's LP (CLP) with every free build variable fixed to the plan, re-solved from
/// the last basis as plans change. Built with the same families and options as the MIP, so its variables are the MIP's
/// in the same order and the best plan's values are a complete MIP start. Remembers plans already priced.
/// </summary>
internal sealed class FixedBuildEvaluator : IDisposable
{
    private readonly Solver _solver;
    private readonly Variable[] _free;
    private readonly Dictionary<string, double?> _seen = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly long _deadline;
    private readonly CancellationToken _cancellation;

    /// <param name="cancellation">A cancel ends the search as if its time had run out (the caller's Ctrl-C or a worker stopping), once the LP being solved ends.</param>
    public FixedBuildEvaluator(NetworkSnapshot network, ModelOptions options, TimeProvider time, TimeSpan budget, CancellationToken cancellation = default)
    {
        _time = time;
        _cancellation = cancellation;
        _deadline = time.GetTimestamp() + (long)(budget.TotalSeconds * time.TimestampFrequency);
        _solver = ReoptimisingLp.Create();
        Model = ModelBuilder.Build(network, _solver, integerBuilds: false, options);
        FreeOptions = Model.FreeOptions;
        _free = [.. FreeOptions.Select(id => Model.Build[id])];
    }

    public OptimisationModel Model { get; }

    /// <summary>The free options, in id order: the index of <see cref="BuildPlan.Open"/>.</summary>
    public ImmutableArray<OptionId> FreeOptions { get; }

    /// <summary>Plans priced so far (repeats are answered from memory and not counted).</summary>
    public int Evaluations { get; private set; }

    /// <summary>The caller's cancel, for heuristics that run a solver of their own.</summary>
    public CancellationToken Cancellation => _cancellation;

    public bool OutOfTime => _cancellation.IsCancellationRequested || _time.GetTimestamp() >= _deadline;

    public TimeSpan TimeLeft => _cancellation.IsCancellationRequested ? TimeSpan.Zero : TimeSpan.FromSeconds((_deadline - _time.GetTimestamp()) / (double)_time.TimestampFrequency);

    /// <summary>
    /// What must still be left on this clock once a step capped at <paramref name="cap"/> has spent its share (zero
    /// without a cap): the evaluator's deadline stays the one clock, and a cap only ends a step earlier.
    /// </summary>
    public TimeSpan LeftWhenSpent(TimeSpan? cap) => cap is { } c ? TimeLeft - c : TimeSpan.Zero;

    /// <summary>The plan's cost, or null when the plan is infeasible (or the LP did not finish in the time left).</summary>
    public double? Cost(IReadOnlyList<bool> open)
    {
        var key = BuildPlan.KeyOf(open);
        if (_seen.TryGetValue(key, out var known))
            return known;
        if (OutOfTime)
            return null;
        Fix(open);
        var left = (_deadline - _time.GetTimestamp()) * 1000.0 / _time.TimestampFrequency;
        _solver.SetTimeLimit((long)Math.Max(1, left));
        Evaluations++;
        // CLP cannot be interrupted (ReoptimisingLp), so a cancel is seen when the LP ends.
        var cost = ReoptimisingLp.Resolve(_solver) == Solver.ResultStatus.OPTIMAL && !_cancellation.IsCancellationRequested ? _solver.Objective().Value() : (double?)null;
        _seen[key] = cost;
        return cost;
    }

    /// <summary>Every variable's value, in creation order, for the plan (re-solved if another plan was priced since); null when infeasible.</summary>
    public double[]? Values(IReadOnlyList<bool> open)
    {
        Fix(open);
        _solver.SetTimeLimit(600_000); // Generous: the plan was just priced from this basis, and a start is only useful complete.
        return ReoptimisingLp.Resolve(_solver) == Solver.ResultStatus.OPTIMAL ? [.. _solver.variables().Select(v => v.SolutionValue())] : null;
    }

    public void Dispose() => _solver.Dispose();

    private void Fix(IReadOnlyList<bool> open)
    {
        for (var i = 0; i < _free.Length; i++)
        {
            var v = open[i] ? 1.0 : 0.0;
            _free[i].SetBounds(v, v);
        }
    }
}
