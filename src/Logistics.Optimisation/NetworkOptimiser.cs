using Google.OrTools.LinearSolver;

using Logistics.Network.Model;
using Logistics.Optimisation.Model;
using Logistics.Optimisation.Solving.Pipeline;

namespace Logistics.Optimisation;

/// <summary>
/// Chooses which options to build and how cargo flows, at least cost per year (docs/model.md). Builds the model
/// from an immutable network snapshot, solves it with an OR-Tools backend, and reports the answer in our own records.
/// Thread-safe: each call builds its own solver.
/// </summary>
public sealed class NetworkOptimiser
{
    private readonly TimeProvider _time;

    public NetworkOptimiser()
        : this(TimeProvider.System)
    {
    }

    public NetworkOptimiser(TimeProvider time) => _time = time;

    /// <summary>OR-Tools names of the backends, as <see cref="Solver.CreateSolver"/> takes them.</summary>
    public static string BackendName(SolverBackend backend) => backend switch
    {
        SolverBackend.Scip => "SCIP",
        SolverBackend.Cbc => "CBC",
        SolverBackend.Highs => "HIGHS",
        SolverBackend.CpSat => "CP_SAT",
        SolverBackend.Glop => "GLOP",
        _ => "AUTO",
    };

    /// <summary>True when the backend can be created in this OR-Tools build on this machine.</summary>
    public static bool IsAvailable(SolverBackend backend)
    {
        if (backend == SolverBackend.Auto)
            return true;
        using var solver = Solver.CreateSolver(BackendName(backend));
        return solver is not null;
    }

    /// <summary>
    /// Free options from which a single-commodity model counts as facility location for <see cref="ChooseBackend"/>:
    /// the smallest OR-Library capacitated facility location instances have 16 candidate facilities.
    /// </summary>
    public const int FacilityLocationMinOptions = 16;

    /// <summary>
    /// What <see cref="SolverBackend.Auto"/> picks, by measured features of the model (docs/model.md, "Backends";
    /// evidence in docs/benchmarks.md): GLOP (a pure LP, fastest) when every option is forced in or out; CBC for a
    /// facility-location shape (one commodity, at least <see cref="FacilityLocationMinOptions"/> free options), where
    /// SCIP's solve took 3.5× CBC's over the 37 OR-Library instances; otherwise SCIP, the fastest on the default
    /// network (every scenario) and on the multi-commodity synthetic networks up to 1,000 nodes.
    /// </summary>
    public static SolverBackend ChooseBackend(NetworkSnapshot network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var free = network.Options.Count(o => o.Decision == BuildDecision.Free);
        if (free == 0)
            return SolverBackend.Glop;
        var commodities = network.NodesOfKind(NodeKind.Mine).SelectMany(m => m.Supplies.IsDefault ? [] : m.Supplies).Select(s => s.Commodity).Distinct().Count();
        return commodities == 1 && free >= FacilityLocationMinOptions ? SolverBackend.Cbc : SolverBackend.Scip;
    }

    public OptimisationResult Solve(NetworkSnapshot network, SolverSettings settings, CancellationToken cancellationToken = default) =>
        Solve(network, settings, ModelOptions.Default, cancellationToken);

    /// <summary>
    /// Solve with a model variant (benchmarks compare them). The pipeline of docs/model.md ("Solve pipeline"):
    /// check → build → start → solve → extract → prices → result, each step a class in <c>Solving/Pipeline</c>; an
    /// infeasible model is diagnosed instead of extracted. A time limit covers the whole run, not only the solver.
    /// </summary>
    internal OptimisationResult Solve(NetworkSnapshot network, SolverSettings settings, ModelOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(settings);
        if (network.IsPeriodised)
            return Periods.TimelineOptimiser.Solve(network, settings, options, _time, cancellationToken);
        using var run = new SolveRun(network, settings, options, new RunClock(_time, settings.TimeLimit));

        if (CheckStep.Run(run) is { } refused)
            return ResultStep.Failed(run, refused);
        BuildStep.Run(run);
        if (run.Clock.Expired)
            return ResultStep.Failed(run, Termination.OutOfTimeBeforeSolve("building the model", run.Clock.Limit!.Value, run.Clock.Elapsed));
        StartStep.Run(run, cancellationToken);
        var termination = SolveStep.Run(run, cancellationToken);
        if (termination.Status == SolveStatus.Infeasible)
            return ResultStep.Failed(run, termination, DiagnoseStep.Run(run));
        if (!termination.HasSolution)
            return ResultStep.Failed(run, termination);
        var extraction = ExtractStep.Run(run, termination);
        var (prices, priceNote) = PriceStep.Run(run, extraction);
        return ResultStep.Solved(run, extraction, prices, priceNote);
    }

    /// <summary>
    /// The exact model a solve with these settings would build (variables and rows named as in docs/model.md), as
    /// CPLEX LP or free MPS text. The optimiser writes no files: the host puts the text where the user asked.
    /// </summary>
    public static string ExportModel(NetworkSnapshot network, SolverSettings settings, ModelFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(settings);
        if (network.IsPeriodised)
            return Periods.TimelineOptimiser.Export(network, lpFormat: format == ModelFileFormat.Lp);

        var backend = settings.Backend == SolverBackend.Auto ? ChooseBackend(network) : settings.Backend;
        var isLp = backend == SolverBackend.Glop;
        // SCIP for the export whatever the backend: the text is the same model, and SCIP takes integers and continuous alike.
        using var solver = Solver.CreateSolver(isLp ? "GLOP" : "SCIP") ?? throw new InvalidOperationException("OR-Tools could not create a solver to export the model.");
        ModelBuilder.Build(network, solver, integerBuilds: !isLp);
        // Our own writer: OR-Tools' exporters round coefficients to 6 significant digits.
        return format == ModelFileFormat.Lp ? Output.ModelFileWriter.ToLp(solver) : Output.ModelFileWriter.ToMps(solver);
    }
}
