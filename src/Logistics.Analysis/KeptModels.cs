using System.Collections.Concurrent;

using Logistics.Network.Model;
using Logistics.Optimisation;
using Logistics.Optimisation.Stochastic;

namespace Logistics.Analysis;

/// <summary>
/// Kept models (<see cref="ResolvableModel"/>) for the variants of one analysis, one per concurrent solve: a solve
/// borrows one, refits its figures and decisions to the variant, solves and gives it back, so the model is built once
/// per thread rather than once per variant. A variant of another shape (a row, arc or layer more or less) is built
/// afresh by the kept model itself; settings a kept model cannot honour the same way (<see cref="ResolvableModel.Create"/>
/// returns null), a plan over time and a solve that wants prices go through the scheduler afresh. Every solve is
/// counted in the scheduler's tally, and the answer depends on the variant alone (each kept model's backend copy is made
/// again per solve), so outputs do not depend on <c>--parallel</c>. A kept model does not pass a build hint to the
/// backend (<see cref="ResolvableModel.Solve"/>); a hint never changes the optimum, only the time to it.
/// </summary>
/// <remarks>
/// Used where the variants benchmark shows a gain (docs/benchmarks.md, "Quiet machine, end of the 3 December 2026
/// round"): value's forced solves (1.18–1.22× less CPU per variant). A sweep's grid points and bisection steps gained
/// 1.03× in one run and 1.15× in the next (each SCIP solve dwarfs the build a kept model saves, and the backend's copy
/// is made again per solve anyway), resilience's outages change the shape (112 of 114 variants rebuilt: 0.88–0.94×),
/// compare has few scenarios and wants prices (0.94–0.96×), and a plan over time's sweep gained 1.02–1.04×: they
/// build afresh.
/// </remarks>
public sealed class KeptModels : IDisposable
{
    private readonly SolveScheduler _scheduler;
    private readonly SolverSettings _settings;
    /// <summary>Idle kept models by backend: a variant with every option forced is solved by GLOP afresh, so by GLOP here too.</summary>
    private readonly ConcurrentDictionary<SolverBackend, ConcurrentBag<ResolvableModel>> _idle = new();

    /// <summary>Backends for which the settings rule a kept model out (every solve on them goes afresh).</summary>
    private readonly ConcurrentDictionary<SolverBackend, bool> _unavailable = new();
    private readonly ConcurrentBag<ResolvableModel> _all = [];
    private readonly TimeProvider _clock;
    private readonly bool _enabled;

    /// <param name="scheduler">Solves afresh what no kept model can take, and counts every solve.</param>
    /// <param name="settings">Its clock times the solves; <see cref="AnalysisSettings.KeepModels"/> false sends every solve afresh.</param>
    public KeptModels(SolveScheduler scheduler, AnalysisSettings settings)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(settings);
        _scheduler = scheduler;
        _settings = scheduler.Settings with { ComputePrices = false };
        _clock = settings.Clock;
        _enabled = settings.KeepModels;
    }

    /// <summary>The scheduler whose concurrency bound the callers use and whose tally counts every solve.</summary>
    public SolveScheduler Scheduler => _scheduler;

    /// <summary>Solves that could not reuse a kept model (a variant of another shape) and were built afresh by it.</summary>
    public int Rebuilds => _all.Sum(m => m.Rebuilds);

    /// <summary>Kept models made so far (at most one per concurrent solve).</summary>
    public int Models => _all.Count;

    /// <summary>The optimum of the job's network, as <see cref="SolveScheduler.Solve"/> gives it.</summary>
    public OptimisationResult Solve(SolveJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!_enabled || job.WithPrices || job.Network.IsPeriodised)
            return _scheduler.Solve(job, cancellationToken);
        var backend = _settings.Backend == SolverBackend.Auto ? NetworkOptimiser.ChooseBackend(job.Network) : _settings.Backend;
        if (_unavailable.ContainsKey(backend))
            return _scheduler.Solve(job, cancellationToken);
        var idle = _idle.GetOrAdd(backend, _ => []);
        if (!idle.TryTake(out var model))
        {
            model = ResolvableModel.Create(job.Network, _settings with { Backend = backend }, _clock);
            if (model is null)
            {
                _unavailable[backend] = true;
                return _scheduler.Solve(job, cancellationToken);
            }

            _all.Add(model);
        }

        try
        {
            var result = model.Solve(job.Network, job.BuildHint, cancellationToken: cancellationToken);
            _scheduler.Count(result);
            return result;
        }
        finally
        {
            idle.Add(model);
        }
    }

    public void Dispose()
    {
        foreach (var model in _all)
            model.Dispose();
    }
}
