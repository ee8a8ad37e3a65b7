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
/// nothing is rebuilt and the backend keeps its copy of the model (OR-Tools passes each change to it in place). The answer is the one <see cref="NetworkOptimiser.Solve(NetworkSnapshot, SolverSettings, CancellationToken)"/>
/// gives for the snapshot (pinned by tests). A snapshot of another shape (an arc, layer or class more or less, or a
/// capacity row or increment more or less: <see cref="OptimisationModel.ShapeKey"/>) is
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

    /// <summary>Solves after which the backend's copy of the model had to be made again (an error in an in-place change).</summary>
    public int Resets { get; private set; }

    /// <summary>Solves so far.</summary>
    public int Solves { get; private set; }

    /// <summary>
    /// Builds the model of <paramref name="network"/> once. Null when the settings ask for what a kept model cannot
    /// give the same way (a time limit on a model large enough for the starting heuristics): solve afresh then.
    /// </summary>
    public static ResolvableModel? Create(NetworkSnapshot network, SolverSettings settings, TimeProvider? time = null)
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
    /// <param name="hint">Builds to start from, as <see cref="SolverSettings.BuildHint"/>; a kept model does not pass it to
    /// the backend: SCIP stores every hint as a partial solution and a kept instance fills its store (limits/maxorigsol)
    /// within ten solves. A hint never changes the optimum, only the time to it.</param>
    /// <param name="plan">Fixes the builds instead of deciding them: each option named is built (in service from its
    /// year, for a plan over time; the year is ignored otherwise), every other one is not.</param>
    public OptimisationResult Solve(NetworkSnapshot network, ImmutableDictionary<OptionId, bool>? hint = null,
        IReadOnlyDictionary<OptionId, int>? plan = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        Solves++;
        var started = _time.GetTimestamp();

        // Every backend would start from what this model solved last (GLOP its basis, SCIP the solutions it keeps across
        // solves), which depends on how draws were shared among threads or machines: the optimum is the same but may
        // differ in the last digits (a tornado bar did between --parallel 1 and 2), and reports must not depend on
        // --parallel or on which worker solved what. Its copy of the model is made again (native code); the kept model
        // is still not rebuilt.
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
            ModelRefit.SetBounds(model.Build[option.Id], lower, upper);
        }

        using var run = new SolveRun(network, _settings with { BuildHint = hint }, ModelOptions.Default, new RunClock(_time, _settings.TimeLimit))
        {
            Solver = model.Solver,
            Model = model,
            OwnsSolver = false,
        };
        run.BuildTime = run.Clock.Since(started);
        var termination = SolveStep.Run(run, cancellationToken);
        if (termination.Status == SolveStatus.Error && model.Solver == _solver)
        {
            // The backend's copy of the model went wrong in place: make it again from ours (native code) and solve once more.
            Resets++;
            _solver.Reset();
            termination = SolveStep.Run(run, cancellationToken);
        }

        if (termination.Status == SolveStatus.Infeasible)
            return ResultStep.Failed(run, termination, DiagnoseStep.Run(run));
        if (!termination.HasSolution)
            return ResultStep.Failed(run, termination);
        var extraction = ExtractStep.Run(run, termination);
        var (prices, note) = PriceStep.Run(run, extraction);
        return ResultStep.Solved(run, extraction, prices, note);
    }

    private OptimisationResult SolveTimeline(NetworkSnapshot network, IReadOnlyDictionary<OptionId, int>? plan, long started, CancellationToken cancellationToken)
    {
        var timeline = _timeline!.Rebind(network);
        using var fresh = timeline is null ? Solver.CreateSolver(NetworkOptimiser.BackendName(_backend)) : null;
        if (timeline is null)
        {
            Rebuilds++;
            timeline = TimelineModel.Build(network, fresh ?? throw new InvalidOperationException("OR-Tools could not create the solver again."), _backend != SolverBackend.Glop, ModelOptions.Default);
        }

        timeline.Refit(plan);
        var result = TimelineOptimiser.SolveBuilt(timeline, _backend, _settings, ModelOptions.Default, _time, started, cancellationToken);
        if (result.Status != SolveStatus.Error || timeline.Solver != _solver)
            return result;
        // The backend's copy of the model went wrong in place: make it again from ours (native code) and solve once more.
        Resets++;
        _solver.Reset();
        return TimelineOptimiser.SolveBuilt(timeline, _backend, _settings, ModelOptions.Default, _time, started, cancellationToken);
    }

    /// <summary>The kept model as it stands (after the last solve's refit), as LP text: tests compare it with a fresh build's.</summary>
    internal string ExportLp() => _solver.ExportModelAsLpFormat(false);

    public void Dispose() => _solver.Dispose();
}
