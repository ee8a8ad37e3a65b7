using System.Collections.Immutable;

using Google.OrTools.Init;
using Google.OrTools.LinearSolver;

using Logistics.Network.Model;
using Logistics.Optimisation.Model;
using Logistics.Optimisation.Solving;

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
    /// What <see cref="SolverBackend.Auto"/> picks: GLOP (a pure LP, fastest) when every option is forced in or out,
    /// otherwise SCIP (the fastest MIP backend on our test networks; docs/model.md, "Backends").
    /// </summary>
    public static SolverBackend ChooseBackend(Network.Model.Network network) =>
        network.Options.Any(o => o.Decision == BuildDecision.Free) ? SolverBackend.Scip : SolverBackend.Glop;

    public OptimisationResult Solve(Network.Model.Network network, SolverSettings settings, CancellationToken cancellationToken = default) =>
        Solve(network, settings, ModelOptions.Default, cancellationToken);

    /// <summary>Solve with a model variant (benchmarks compare them).</summary>
    internal OptimisationResult Solve(Network.Model.Network network, SolverSettings settings, ModelOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(settings);
        if (network.IsPeriodised)
            return Periods.TimelineOptimiser.Solve(network, settings, options, _time, cancellationToken);
        var started = _time.GetTimestamp();
        var backend = settings.Backend == SolverBackend.Auto ? ChooseBackend(network) : settings.Backend;
        var threads = Math.Max(1, settings.Threads);
        var orTools = OrToolsVersion.VersionString();
        var undecided = network.Options.Count(o => o.Decision == BuildDecision.Free);
        var isLp = backend == SolverBackend.Glop;

        if (isLp && undecided > 0)
        {
            return Failed(network, SolveStatus.Error,
                $"GLOP solves linear programmes only, and {undecided} option(s) are undecided. Use the scip, cbc or highs backend (or auto), or force every option in or out.",
                new SolverRun(backend, BackendName(backend), orTools, "", false, threads, 0, 0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, _time.GetElapsedTime(started)));
        }

        using var solver = Solver.CreateSolver(BackendName(backend));
        if (solver is null)
        {
            return Failed(network, SolveStatus.Error,
                $"The {BackendName(backend)} backend is not available in this OR-Tools build ({orTools}). Choose another with --solver.",
                new SolverRun(backend, BackendName(backend), orTools, "", false, threads, 0, 0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, _time.GetElapsedTime(started)));
        }

        var model = ModelBuilder.Build(network, solver, integerBuilds: !isLp, options);
        ApplyBuildHint(model, settings);
        var built = _time.GetTimestamp();
        var buildTime = _time.GetElapsedTime(started, built);

        if (settings.TimeLimit is { } limit)
        {
            // Under a time limit, start a large model from a feasible plan (an LP with builds fixed) so the limit yields
            // a plan with a gap; it spends at most half of the limit, which counts as solve time.
            var left = limit;
            if (options.IncumbentStart && !isLp && undecided > 0 && settings.BuildHint is null && solver.NumVariables() >= options.IncumbentStartMinVariables)
            {
                IncumbentStart.TryHint(model, options, limit / 2, _time);
                left -= _time.GetElapsedTime(built);
            }

            solver.SetTimeLimit((long)Math.Max(1, left.TotalMilliseconds));
        }

        solver.SetNumThreads(threads);
        if (!string.IsNullOrWhiteSpace(settings.BackendParameters) && !solver.SetSolverSpecificParametersAsString(settings.BackendParameters))
        {
            return Failed(network, SolveStatus.Error,
                $"The {BackendName(backend)} backend rejected the parameters '{settings.BackendParameters}'. Check their names and syntax in the backend's documentation.",
                new SolverRun(backend, BackendName(backend), orTools, solver.SolverVersion(), undecided > 0, threads, solver.NumVariables(), solver.NumConstraints(), buildTime, TimeSpan.Zero, TimeSpan.Zero, _time.GetElapsedTime(started)));
        }

        using var parameters = new MPSolverParameters();
        if (!isLp)
            parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, settings.RelativeGap ?? SolverSettings.DefaultRelativeGap);

        Solver.ResultStatus status;
        var cancelled = cancellationToken.IsCancellationRequested;
        if (cancelled)
        {
            status = Solver.ResultStatus.NOT_SOLVED;
        }
        else
        {
            using var registration = cancellationToken.Register(() => solver.InterruptSolve());
            status = solver.Solve(parameters);
            cancelled = cancellationToken.IsCancellationRequested;
        }

        var solved = _time.GetTimestamp();
        var solveTime = _time.GetElapsedTime(built, solved);
        // A backend that stops without a solution while a limit is set has hit it (its clock starts after ours).
        var timedOut = settings.TimeLimit is { } t && (solveTime >= t * 0.9 || status == Solver.ResultStatus.NOT_SOLVED);
        var isMip = undecided > 0;

        SolverRun Run(TimeSpan extract) => new(backend, BackendName(backend), orTools, solver.SolverVersion(), isMip, threads,
            solver.NumVariables(), solver.NumConstraints(), buildTime, solveTime, extract, _time.GetElapsedTime(started));

        var (ourStatus, message) = MapStatus(status, cancelled, timedOut);
        if (backend == SolverBackend.CpSat && status == Solver.ResultStatus.MODEL_INVALID)
        {
            // CP-SAT scales continuous flows to integers; fractional tonnes or capacities can make that scaling impossible.
            message = "CP-SAT rejected the model: it scales continuous flows to integers, which fails when tonnes or capacities are fractional. Use the scip, cbc or highs backend (or auto).";
        }

        if (ourStatus == SolveStatus.Infeasible)
        {
            // The wall time then includes the diagnosis's two elastic solves.
            var diagnosis = InfeasibilityDiagnoser.Diagnose(network, backend, settings, options);
            return Failed(network, ourStatus, message, Run(TimeSpan.Zero)) with { Diagnosis = diagnosis };
        }

        if (ourStatus is not (SolveStatus.Optimal or SolveStatus.Feasible))
            return Failed(network, ourStatus, message, Run(TimeSpan.Zero));

        var objective = solver.Objective().Value();
        var bound = isMip ? solver.Objective().BestBound() : objective;
        if (double.IsNaN(bound) || double.IsInfinity(bound))
            bound = objective;
        var relativeGap = ourStatus == SolveStatus.Optimal && !isMip ? 0 : Math.Abs(objective - bound) / Math.Max(1, Math.Abs(objective));
        if (ourStatus == SolveStatus.Feasible)
            message = FormattableString.Invariant($"{message} Best bound {bound:F2}, relative gap {relativeGap:P4}.");

        var values = new SolutionValues(model);
        var costs = CostAccountant.Account(values);
        CostAccountant.Reconcile(costs, objective);

        // Prices: re-solved as an LP with the builds fixed and only the real bounds (docs/model.md, "Prices").
        var pricing = _time.GetTimestamp();
        var prices = PriceCalculator.ForBuilds(network, values.Built, options, settings.TimeLimit);
        var priceTime = _time.GetElapsedTime(pricing);
        if (prices is null)
            message += " Prices are missing: the fixed-build linear programme did not solve to optimality (within the time limit, if one was given).";

        var links = FlowReporter.LinkFlows(values);
        var ports = FlowReporter.PortFlows(values);
        var result = new OptimisationResult(
            ourStatus,
            message,
            objective,
            bound,
            relativeGap,
            Run(TimeSpan.Zero),
            FlowReporter.Builds(network, values),
            RouteDecomposer.Decompose(values),
            links,
            ports,
            FlowReporter.Bottlenecks(links, ports, network),
            costs,
            FlowReporter.Deliveries(values),
            FlowReporter.Unshipped(values),
            prices,
            Diagnosis: null);
        return result with { Solver = Run(_time.GetElapsedTime(solved) - priceTime) with { PriceTime = priceTime } };
    }

    /// <summary>
    /// Writes the exact model a solve with these settings would build (variables and rows named as in docs/model.md)
    /// as CPLEX LP text (<c>.lp</c>) or free MPS (<c>.mps</c>), chosen by the file's extension.
    /// </summary>
    /// <exception cref="ArgumentException">The extension is neither .lp nor .mps.</exception>
    public static void ExportModel(Network.Model.Network network, SolverSettings settings, string path)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(settings);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".lp" or ".mps"))
            throw new ArgumentException($"Cannot export a model to '{Path.GetFileName(path)}': the file name must end in .lp or .mps.", nameof(path));
        if (network.IsPeriodised)
        {
            File.WriteAllText(path, Periods.TimelineOptimiser.Export(network, lpFormat: extension == ".lp"));
            return;
        }

        var backend = settings.Backend == SolverBackend.Auto ? ChooseBackend(network) : settings.Backend;
        var isLp = backend == SolverBackend.Glop;
        // SCIP for the export whatever the backend: the text is the same model, and SCIP takes integers and continuous alike.
        using var solver = Solver.CreateSolver(isLp ? "GLOP" : "SCIP") ?? throw new InvalidOperationException("OR-Tools could not create a solver to export the model.");
        ModelBuilder.Build(network, solver, integerBuilds: !isLp);
        var text = extension == ".lp" ? solver.ExportModelAsLpFormat(false) : solver.ExportModelAsMpsFormat(fixed_format: false, obfuscated: false);
        File.WriteAllText(path, text);
    }

    /// <summary>Passes <see cref="SolverSettings.BuildHint"/> to the backend; a hint on a fixed (forced) option is dropped.</summary>
    private static void ApplyBuildHint(OptimisationModel model, SolverSettings settings)
    {
        if (settings.BuildHint is not { Count: > 0 } hint || !model.IntegerBuilds)
            return;
        var hinted = model.Build
            .Where(b => hint.ContainsKey(b.Key) && b.Value.Lb() != b.Value.Ub())
            .Select(b => (Variable: b.Value, Value: hint[b.Key] ? 1.0 : 0.0))
            .ToArray();
        if (hinted.Length > 0)
            model.Solver.SetHint([.. hinted.Select(h => h.Variable)], [.. hinted.Select(h => h.Value)]);
    }

    internal static (SolveStatus Status, string Message) MapStatus(Solver.ResultStatus status, bool cancelled, bool timedOut)
    {
        var why = cancelled ? "cancelled" : timedOut ? "time limit reached" : null;
        return status switch
        {
            Solver.ResultStatus.OPTIMAL => (SolveStatus.Optimal, "Optimal."),
            Solver.ResultStatus.FEASIBLE => (SolveStatus.Feasible, $"Feasible, not proven optimal ({why ?? "stopped early"})."),
            Solver.ResultStatus.INFEASIBLE => (SolveStatus.Infeasible, "Infeasible: no plan meets every constraint (supply must ship, demand minimums, capacities, rules, budget)."),
            Solver.ResultStatus.UNBOUNDED => (SolveStatus.Unbounded, "Unbounded: the objective can improve without limit (a priced market with no cap and unlimited supply?)."),
            _ when why is not null => (SolveStatus.NoSolution, $"No solution: {why} before any solution was found."),
            Solver.ResultStatus.MODEL_INVALID => (SolveStatus.Error, "The solver rejected the model as invalid (a NaN or infinite figure?). This is a bug if the network validated."),
            _ => (SolveStatus.Error, $"The solver stopped abnormally ({status})."),
        };
    }

    private static OptimisationResult Failed(Network.Model.Network network, SolveStatus status, string message, SolverRun run) =>
        new(status, message, null, null, null, run, FlowReporter.Builds(network, null), [], [], [], [], CostBreakdown.Empty, [], [], null, null);
}
