using System.Collections.Immutable;

using Google.OrTools.LinearSolver;

using Logistics.Network.Model;
using Logistics.Optimisation.Model;
using Logistics.Optimisation.Periods;
using Logistics.Optimisation.Solving.Pipeline;

namespace Logistics.Optimisation.Stochastic;

/// <summary>
/// One model, built once for a snapshot and solved again for many snapshots of the same shape with other figures (the
/// draws of the uncertainty analysis): each solve rebinds the kept variables and rows to the new snapshot and changes
/// only coefficients, bounds and right-hand sides (<see cref="ModelRefit"/>, <see cref="TimelineModel.Refit"/>), so
/// nothing is rebuilt and the backend keeps its solver. The answer is the one <see cref="NetworkOptimiser.Solve(Network.Model.Network, SolverSettings, CancellationToken)"/>
/// gives for the snapshot (pinned by tests). A snapshot of another shape (an arc, layer or class more or less) is
/// built afresh on a solver of its own and counted in <see cref="Rebuilds"/>. Not thread-safe: keep one per thread.
/// </summary>
public sealed class ResolvableModel : IDisposable
{
    private readonly Solver _solver;
    private readonly OptimisationModel? _model;
    private readonly TimelineModel? _timeline;
    private readonly SolverBackend _backend;
    private readonly SolverSettings _settings;
    private readonly TimeProvider _time;

    private ResolvableModel(Solver solver, OptimisationModel? model, TimelineModel? timeline, SolverBackend backend, SolverSettings settings, TimeProvider time)
    {
        _solver = solver;
        _model = model;
        _timeline = timeline;
        _backend = backend;
        _settings = settings;
        _time = time;
    }

    /// <summary>Solves that could not reuse the model (a snapshot of another shape) and were built afresh.</summary>
    public int Rebuilds { get; private set; }

    /// <summary>Solves so far.</summary>
    public int Solves { get; private set; }

    /// <summary>
    /// Builds the model of <paramref name="network"/> once. Null when the settings ask for what a kept model cannot
    /// give the same way (a time limit on a model large enough for the starting heuristics): solve afresh then.
    /// </summary>
    public static ResolvableModel? Create(Network.Model.Network network, SolverSettings settings, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(settings);
        var backend = network.IsPeriodised ? TimelineOptimiser.BackendFor(network, settings)
            : settings.Backend == SolverBackend.Auto ? NetworkOptimiser.ChooseBackend(network) : settings.Backend;
        if (network.IsPeriodised && backend == SolverBackend.Glop && network.Options.Length > 0)
            return null;
        if (!network.IsPeriodised && backend == SolverBackend.Glop && network.Options.Any(o => o.Decision == BuildDecision.Free))
            return null;
        var solver = Solver.CreateSolver(NetworkOptimiser.BackendName(backend));
        if (solver is null)
            return null;
        var integer = backend != SolverBackend.Glop;
        if (network.IsPeriodised)
            return new ResolvableModel(solver, null, TimelineModel.Build(network, solver, integer, ModelOptions.Default), backend, settings, time ?? TimeProvider.System);
        var model = ModelBuilder.Build(network, solver, integer, ModelOptions.Default);
        if (settings.TimeLimit is not null && solver.NumVariables() >= ModelOptions.Default.IncumbentStartMinVariables)
        {
            solver.Dispose();
            return null;
        }

        return new ResolvableModel(solver, model, null, backend, settings, time ?? TimeProvider.System);
    }

    /// <summary>
    /// Solves <paramref name="network"/> (a snapshot like the one this model was built for, figures changed) on the kept model.
    /// </summary>
    /// <param name="hint">Builds to start from (one-period models; as <see cref="SolverSettings.BuildHint"/>).</param>
    /// <param name="plan">Fixes the builds instead of deciding them: each option named is built (in service from its
    /// year, for a plan over time; the year is ignored otherwise), every other one is not.</param>
    public OptimisationResult Solve(Network.Model.Network network, ImmutableDictionary<OptionId, bool>? hint = null,
        IReadOnlyDictionary<OptionId, int>? plan = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        Solves++;
        var started = _time.GetTimestamp();
        // A MIP backend gets the changed model whole: OR-Tools passes SCIP each change in place, and one that crosses
        // bounds on the way (a row's new lower bound above its old upper one) leaves SCIP in an error state for good.
        // The model is kept on our side either way; only the backend's copy is made again, in native code. GLOP keeps
        // its copy and warm-starts from the last basis.
        if (_backend != SolverBackend.Glop)
            _solver.Reset();
        if (_timeline is not null)
            return SolveTimeline(network, plan, started, cancellationToken);

        var model = _model!.Rebind(network);
        using var fresh = model is null ? Solver.CreateSolver(NetworkOptimiser.BackendName(_backend)) : null;
        if (model is null)
        {
            Rebuilds++;
            model = ModelBuilder.Build(network, fresh ?? throw new InvalidOperationException("OR-Tools could not create the solver again."), _backend != SolverBackend.Glop, ModelOptions.Default);
        }
        else
        {
            ModelRefit.Apply(model);
        }

        foreach (var option in network.Options)
        {
            var (lower, upper) = plan is not null ? (plan.ContainsKey(option.Id) ? (1.0, 1.0) : (0.0, 0.0)) : option.Decision switch
            {
                BuildDecision.ForcedIn => (1.0, 1.0),
                BuildDecision.ForcedOut => (0.0, 0.0),
                _ => (0.0, 1.0),
            };
            model.Build[option.Id].SetBounds(lower, upper);
        }

        Hint(model, hint);
        using var run = new SolveRun(network, _settings with { BuildHint = hint }, ModelOptions.Default, new RunClock(_time, _settings.TimeLimit))
        {
            Solver = model.Solver,
            Model = model,
            OwnsSolver = false,
        };
        run.BuildTime = run.Clock.Since(started);
        var termination = SolveStep.Run(run, cancellationToken);
        if (termination.Status == SolveStatus.Infeasible)
            return ResultStep.Failed(run, termination, DiagnoseStep.Run(run));
        if (!termination.HasSolution)
            return ResultStep.Failed(run, termination);
        var extraction = ExtractStep.Run(run, termination);
        var (prices, note) = PriceStep.Run(run, extraction);
        return ResultStep.Solved(run, extraction, prices, note);
    }

    private OptimisationResult SolveTimeline(Network.Model.Network network, IReadOnlyDictionary<OptionId, int>? plan, long started, CancellationToken cancellationToken)
    {
        var timeline = _timeline!.Rebind(network);
        using var fresh = timeline is null ? Solver.CreateSolver(NetworkOptimiser.BackendName(_backend)) : null;
        if (timeline is null)
        {
            Rebuilds++;
            timeline = TimelineModel.Build(network, fresh ?? throw new InvalidOperationException("OR-Tools could not create the solver again."), _backend != SolverBackend.Glop, ModelOptions.Default);
        }

        timeline.Refit(plan);
        return TimelineOptimiser.SolveBuilt(timeline, _backend, _settings, ModelOptions.Default, _time, started, cancellationToken);
    }

    /// <summary>The hint on the undecided build variables, or none (a hint stays on the solver until replaced).</summary>
    private static void Hint(OptimisationModel model, ImmutableDictionary<OptionId, bool>? hint)
    {
        if (!model.IntegerBuilds)
            return;
        var hinted = hint is null ? [] : model.Build
            .Where(b => hint.ContainsKey(b.Key) && b.Value.Lb() != b.Value.Ub())
            .Select(b => (Variable: b.Value, Value: hint[b.Key] ? 1.0 : 0.0))
            .ToArray();
        model.Solver.SetHint([.. hinted.Select(h => h.Variable)], [.. hinted.Select(h => h.Value)]);
    }

    /// <summary>The kept model as it stands (after the last solve's refit), as LP text: tests compare it with a fresh build's.</summary>
    internal string ExportLp() => _solver.ExportModelAsLpFormat(false);

    public void Dispose() => _solver.Dispose();
}
