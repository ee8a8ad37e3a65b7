using Google.OrTools.LinearSolver;

using Logistics.Network.Model;
using Logistics.Optimisation.Model;

namespace Logistics.Optimisation.Solving.Pipeline;

/// <summary>
/// What the steps of one solve share: the inputs, the clock, the backend chosen, the OR-Tools solver and model once
/// built, and the time each step took. Owns the solver (disposed with the run).
/// </summary>
internal sealed class SolveRun(NetworkSnapshot network, SolverSettings settings, ModelOptions options, RunClock clock) : IDisposable
{
    public NetworkSnapshot Network { get; } = network;

    public SolverSettings Settings { get; } = settings;

    public ModelOptions Options { get; } = options;

    public RunClock Clock { get; } = clock;

    /// <summary>The backend actually used (after <see cref="SolverBackend.Auto"/> chose).</summary>
    public SolverBackend Backend { get; } = settings.Backend == SolverBackend.Auto ? NetworkOptimiser.ChooseBackend(network) : settings.Backend;

    public int Threads { get; } = Math.Max(1, settings.Threads);

    /// <summary>Options the solver decides (free build variables); the model is a MIP when there are any.</summary>
    public int Undecided { get; } = network.Options.Count(o => o.Decision == BuildDecision.Free);

    public bool IsMip => Undecided > 0;

    /// <summary>True when the backend solves LPs only (GLOP); build variables are then continuous and fixed.</summary>
    public bool IsLpBackend => Backend == SolverBackend.Glop;

    public string BackendName => NetworkOptimiser.BackendName(Backend);

    public string OrToolsVersion { get; } = Google.OrTools.Init.OrToolsVersion.VersionString();

    public Solver? Solver { get; set; }

    public OptimisationModel? Model { get; set; }

    public TimeSpan BuildTime { get; set; }

    public TimeSpan SolveTime { get; set; }

    public TimeSpan PriceTime { get; set; }

    /// <summary>Timestamp when the solve ended (extraction and prices are timed from here).</summary>
    public long Solved { get; set; }

    /// <summary>The run's figures so far; extraction time is what is left of the wall time after the solve and the prices.</summary>
    public SolverRun Record(TimeSpan extract) => new(Backend, BackendName, OrToolsVersion, Solver?.SolverVersion() ?? "", Solver is null ? false : IsMip, Threads,
        Solver?.NumVariables() ?? 0, Solver?.NumConstraints() ?? 0, BuildTime, SolveTime, extract, Clock.Elapsed)
    {
        PriceTime = PriceTime,
    };

    /// <summary>False when the solver is lent by a model kept across solves (<see cref="Stochastic.ResolvableModel"/>), which disposes it itself.</summary>
    public bool OwnsSolver { get; init; } = true;

    public void Dispose()
    {
        if (OwnsSolver)
            Solver?.Dispose();
    }
}
