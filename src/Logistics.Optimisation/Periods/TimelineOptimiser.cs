using System.Collections.Immutable;
using System.Globalization;

using Google.OrTools.Init;
using Google.OrTools.LinearSolver;

using Logistics.Network.Model;
using Logistics.Optimisation.Model;
using Logistics.Optimisation.Solving;

namespace Logistics.Optimisation.Periods;

/// <summary>
/// Solves a plan over time (a network with periods; docs/model.md, "Plans over time") and reports it in the same
/// result record as a one-period solve, with <see cref="OptimisationResult.Periods"/> and
/// <see cref="OptimisationResult.Schedule"/> filled in. The objective and the cost lines are present values in
/// base-year USD; they reconcile line by line (period operating costs × present value factor, capex outlays, O&amp;M,
/// residual values) to the solver's objective.
/// </summary>
internal static class TimelineOptimiser
{
    public static OptimisationResult Solve(NetworkSnapshot network, SolverSettings settings, ModelOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var backend = BackendFor(network, settings);
        var threads = Math.Max(1, settings.Threads);
        var orTools = OrToolsVersion.VersionString();
        var isLp = backend == SolverBackend.Glop;
        SolverRun Empty() => new(backend, NetworkOptimiser.BackendName(backend), orTools, "", false, threads, 0, 0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, time.GetElapsedTime(started));
        if (isLp && network.Options.Length > 0)
        {
            return Failed(network, SolveStatus.Error,
                "GLOP solves linear programmes only, and a plan over time decides when options enter service. Use the scip, cbc or highs backend (or auto).", Empty());
        }

        using var solver = Solver.CreateSolver(NetworkOptimiser.BackendName(backend));
        if (solver is null)
        {
            return Failed(network, SolveStatus.Error,
                $"The {NetworkOptimiser.BackendName(backend)} backend is not available in this OR-Tools build ({orTools}). Choose another with --solver.", Empty());
        }

        var model = TimelineModel.Build(network, solver, integerBuilds: !isLp, options);
        return SolveBuilt(model, backend, settings, options, time, started, cancellationToken);
    }

    /// <summary>The backend a plan over time uses: SCIP for <see cref="SolverBackend.Auto"/> whenever there are options (they are decided in time).</summary>
    public static SolverBackend BackendFor(NetworkSnapshot network, SolverSettings settings)
    {
        var undecided = network.Options.Any(o => o.Decision == BuildDecision.Free || o.DecisionYear is not null);
        return settings.Backend == SolverBackend.Auto ? (undecided || network.Options.Length > 0 ? SolverBackend.Scip : SolverBackend.Glop) : settings.Backend;
    }

    /// <summary>
    /// Solves a model already built (or rebound and refitted to a draw: <see cref="TimelineModel.Refit"/>) and reports
    /// it. Prices per period only when <see cref="SolverSettings.ComputePrices"/> asks for them.
    /// </summary>
    public static OptimisationResult SolveBuilt(TimelineModel model, SolverBackend backend, SolverSettings settings, ModelOptions options, TimeProvider time, long started, CancellationToken cancellationToken)
    {
        var network = model.Network;
        var solver = model.Solver;
        var threads = Math.Max(1, settings.Threads);
        var orTools = OrToolsVersion.VersionString();
        var isLp = backend == SolverBackend.Glop;
        SolverRun Empty() => new(backend, NetworkOptimiser.BackendName(backend), orTools, "", false, threads, 0, 0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, time.GetElapsedTime(started));
        var built = time.GetTimestamp();
        var buildTime = time.GetElapsedTime(started, built);
        // One clock for the whole run, from `started`: the limit covers the build, the solve and every period's prices.
        var clock = new Solving.Pipeline.RunClock(time, settings.TimeLimit is { } whole ? whole - buildTime : null);
        if (clock.Expired)
        {
            var late = Solving.Pipeline.Termination.OutOfTimeBeforeSolve("building the model", settings.TimeLimit!.Value, buildTime);
            return Failed(network, late.Status, late.Message, Empty() with { BuildTime = buildTime }) with { Reason = late.Reason };
        }

        // Under a time limit a large plan starts from a complete feasible schedule (at most half of what is left), as
        // a one-period solve does (Solving/Pipeline/StartStep): without it SCIP found no plan in 60 s from 500 nodes.
        var undecided = network.Options.Any(o => Enumerable.Range(0, model.Periods.Length).Any(p => model.InService(o.Id, p) is var z && z.Lb() < z.Ub()));
        if (clock.Remaining is { } startLeft && options.IncumbentStart && !isLp && undecided && settings.BuildHint is null
            && solver.NumVariables() >= options.IncumbentStartMinVariables)
            TimelineStart.TryHint(model, startLeft / 2, time, cancellationToken);

        var allowed = clock.Remaining;
        if (allowed is { } limit)
            solver.SetTimeLimit((long)Math.Max(1, limit.TotalMilliseconds));
        solver.SetNumThreads(threads);
        if (!string.IsNullOrWhiteSpace(settings.BackendParameters) && !solver.SetSolverSpecificParametersAsString(settings.BackendParameters))
        {
            return Failed(network, SolveStatus.Error,
                $"The {NetworkOptimiser.BackendName(backend)} backend rejected the parameters '{settings.BackendParameters}'. Check their names and syntax in the backend's documentation.", Empty());
        }

        using var parameters = new MPSolverParameters();
        if (!isLp)
            parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, settings.RelativeGap ?? SolverSettings.DefaultRelativeGap);
        Solver.ResultStatus status;
        var backendStarted = time.GetTimestamp();
        var cancelled = cancellationToken.IsCancellationRequested;
        if (cancelled)
        {
            status = Solver.ResultStatus.NOT_SOLVED;
        }
        else
        {
            using var registration = cancellationToken.Register(() => solver.InterruptSolve());
            backendStarted = time.GetTimestamp();
            status = solver.Solve(parameters);
            cancelled = cancellationToken.IsCancellationRequested;
        }

        var solved = time.GetTimestamp();
        var solveTime = time.GetElapsedTime(built, solved);
        // Solve time includes the start; whether the backend ran into the limit is judged on its own time.
        var timedOut = allowed is { } t && (time.GetElapsedTime(backendStarted, solved) >= t * 0.9 || status == Solver.ResultStatus.NOT_SOLVED);
        SolverRun Run() => new(backend, NetworkOptimiser.BackendName(backend), orTools, solver.SolverVersion(), !isLp, threads,
            solver.NumVariables(), solver.NumConstraints(), buildTime, solveTime, TimeSpan.Zero, time.GetElapsedTime(started));

        var termination = Solving.Pipeline.Termination.FromBackend(status, cancelled, timedOut, backend);
        var (ourStatus, message) = (termination.Status, termination.Message);
        if (ourStatus == SolveStatus.Infeasible)
            return Failed(network, ourStatus, message, Run()) with { Diagnosis = Diagnose(network, backend, settings, options), Reason = termination.Reason };
        if (ourStatus is not (SolveStatus.Optimal or SolveStatus.Feasible))
            return Failed(network, ourStatus, message, Run()) with { Reason = termination.Reason };

        var objective = solver.Objective().Value();
        // A backend's "no bound yet" (SCIP: ±1e20) is no bound: the gap is then unknown, never a meaningless figure.
        var rawBound = isLp ? objective : solver.Objective().BestBound();
        double? bound = double.IsFinite(rawBound) && Math.Abs(rawBound) < 1e19 ? rawBound : ourStatus == SolveStatus.Optimal ? objective : null;
        double? relativeGap = ourStatus == SolveStatus.Optimal && isLp ? 0 : bound is { } b ? Math.Abs(objective - b) / Math.Max(1, Math.Abs(objective)) : null;
        if (ourStatus == SolveStatus.Feasible)
            message = relativeGap is { } g ? FormattableString.Invariant($"{message} Best bound {bound:F2}, relative gap {g:P4}.") : $"{message} No bound proven yet, so the gap is unknown.";

        var values = model.Periods.Select(p => new SolutionValues(p)).ToImmutableArray();
        var schedule = Schedule(model, values);
        var costs = PresentValueCosts(model, values, schedule);
        CostAccountant.Reconcile(costs, objective);

        var pricing = time.GetTimestamp();
        var periods = ImmutableArray.CreateBuilder<PeriodResult>();
        var pricesMissing = false;
        var pricesSkipped = false;
        for (var p = 0; p < model.Periods.Length; p++)
        {
            var period = model.Network.Periods[p];
            var v = values[p];
            // A period's price LP is about one period's build: skipped, with a note, when less than that is left.
            var left = clock.Remaining;
            var skip = !settings.ComputePrices || left < buildTime / model.Periods.Length;
            pricesSkipped |= settings.ComputePrices && skip;
            var prices = skip ? null : PriceCalculator.ForBuilds(v.Model.Network, v.Built, options, left, v.Model);
            pricesMissing |= !skip && prices is null;
            var links = FlowReporter.LinkFlows(v);
            var ports = FlowReporter.PortFlows(v);
            periods.Add(new PeriodResult(period.Id, period.Name, period.StartYear, period.Years, model.Factors[p],
                [.. v.Built.Where(b => b.Value).Select(b => b.Key).Order()],
                RouteDecomposer.Decompose(v), links, ports, FlowReporter.Bottlenecks(links, ports, v.Model.Network),
                OperatingCosts(v), FlowReporter.Deliveries(v), FlowReporter.Unshipped(v), prices));
        }

        var priceTime = time.GetElapsedTime(pricing);
        if (pricesSkipped)
            message += " " + Solving.Pipeline.PriceStep.Skipped;
        if (pricesMissing)
            message += " Prices are missing in some period: its fixed-build linear programme did not solve to optimality (within the time limit, if one was given).";
        var first = periods[0];
        var last = values[^1];
        return new OptimisationResult(ourStatus, message, objective, bound, relativeGap,
            Run() with { ExtractTime = time.GetElapsedTime(solved) - priceTime, PriceTime = priceTime },
            FlowReporter.Builds(network, last), first.Routes, first.LinkFlows, first.PortFlows, first.Bottlenecks, costs,
            first.Deliveries, first.Unshipped, first.Prices, Diagnosis: null)
        {
            Periods = periods.ToImmutable(),
            Schedule = schedule,
            Reason = termination.Reason,
        };
    }

    /// <summary>Options in service by the horizon's end, by the first period they serve.</summary>
    private static ImmutableArray<ScheduledBuild> Schedule(TimelineModel model, ImmutableArray<SolutionValues> values)
    {
        var builds = new List<ScheduledBuild>();
        foreach (var option in model.Network.Options)
        {
            var p = Enumerable.Range(0, values.Length).FirstOrDefault(k => values[k].IsBuilt(option.Id), -1);
            if (p < 0)
                continue;
            var period = model.Network.Periods[p];
            builds.Add(new ScheduledBuild(option.Id, option.Name, period.StartYear, period.Id, option.Decision, option.CapexUsd, model.EntryValue(option, p)));
        }

        return [.. builds.OrderBy(b => b.ServiceYear).ThenBy(b => b.Id)];
    }

    /// <summary>A period's yearly cost lines without the one-period model's annualised capex and O&amp;M (the plan counts those as present values).</summary>
    private static CostBreakdown OperatingCosts(SolutionValues values)
    {
        var all = CostAccountant.Account(values);
        var lines = all.Lines.Where(l => l.Category is not (CostCategory.AnnualisedCapex or CostCategory.FixedOm)).ToImmutableArray();
        return new CostBreakdown(lines, lines.Sum(l => l.UsdPerYear));
    }

    /// <summary>The plan's cost lines in present value: operating lines × period factor, plus capex outlays, O&amp;M and residual values of the schedule.</summary>
    private static CostBreakdown PresentValueCosts(TimelineModel model, ImmutableArray<SolutionValues> values, ImmutableArray<ScheduledBuild> schedule)
    {
        var lines = new SortedDictionary<(CostCategory Category, string Bucket), double>(Comparer<(CostCategory Category, string Bucket)>.Create(
            (a, b) => a.Category != b.Category ? a.Category.CompareTo(b.Category) : string.CompareOrdinal(a.Bucket, b.Bucket)));
        void Add(CostCategory category, string bucket, double amount)
        {
            if (amount != 0)
                lines[(category, bucket)] = lines.GetValueOrDefault((category, bucket)) + amount;
        }

        for (var p = 0; p < values.Length; p++)
        {
            foreach (var line in OperatingCosts(values[p]).Lines)
                Add(line.Category, line.Bucket, line.UsdPerYear * model.Factors[p]);
        }

        foreach (var build in schedule)
        {
            Add(CostCategory.CapexOutlay, CostBreakdown.SharedBucket, build.PresentValue.Capex);
            Add(CostCategory.FixedOm, CostBreakdown.SharedBucket, build.PresentValue.FixedOm);
            Add(CostCategory.ResidualValue, CostBreakdown.SharedBucket, -build.PresentValue.Residual);
        }

        var result = lines.Select(l => new CostLine(l.Key.Category, l.Key.Bucket, l.Value)).ToImmutableArray();
        return new CostBreakdown(result, result.Sum(l => l.UsdPerYear));
    }

    /// <summary>
    /// Names the period that cannot be served: each period's snapshot is diagnosed on its own with the options it may
    /// have in service then (lead times and forced decisions applied), and the first that fails is reported.
    /// </summary>
    private static InfeasibilityDiagnosis Diagnose(NetworkSnapshot network, SolverBackend backend, SolverSettings settings, ModelOptions options)
    {
        for (var p = 0; p < network.Periods.Length; p++)
        {
            var period = network.Periods[p];
            var builder = NetworkBuilder.From(network.PeriodNetworks[p]);
            foreach (var option in network.Options)
            {
                var canServe = period.StartYear >= OptionCashFlows.EarliestServiceYear(option, network.Metadata.BaseYear);
                var decision = !canServe ? BuildDecision.ForcedOut : option.Decision switch
                {
                    BuildDecision.ForcedIn when option.DecisionYear is not { } y || period.StartYear >= y => BuildDecision.ForcedIn,
                    BuildDecision.ForcedOut when option.DecisionYear is not { } y || period.StartYear < y => BuildDecision.ForcedOut,
                    _ => BuildDecision.Free,
                };
                var planned = option with { Decision = decision, DecisionYear = null };
                if (network.PeriodNetworks[p].TryGetOption(option.Id, out _)) builder.Replace(planned);
                else builder.Add(planned);
            }

            var snapshot = builder.Build();
            var diagnosis = InfeasibilityDiagnoser.Diagnose(snapshot, backend, settings.TimeLimit, options);
            if (diagnosis.Findings.IsDefaultOrEmpty)
                continue;
            var prefix = $"In period '{period.Id}' ({period.Span}): ";
            var findings = diagnosis.Findings.Select(f => f with { Sentence = prefix + f.Sentence }).ToImmutableArray();
            return new InfeasibilityDiagnosis([.. findings.Select(f => f.Sentence)]) { Findings = findings, Method = diagnosis.Method + " Plans over time: each period is diagnosed on its own with the options its lead times allow; the first period that fails is named." };
        }

        return new InfeasibilityDiagnosis(["Every period can be served on its own; the plan fails only through the links between periods (a budget per year or per period, or options that must stay in service). Relax metadata.capexBudgetPerYearUsd or capexBudgetPerPeriodUsd, or a forced decision's year."])
        {
            Method = "Each period diagnosed on its own (elastic re-solve); none failed.",
        };
    }

    /// <summary>The exact joint model as LP or MPS text; each period's variables and rows carry its id as a prefix (phase2.build[rd-spur]).</summary>
    public static string Export(NetworkSnapshot network, bool lpFormat)
    {
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools could not create a solver to export the model.");
        TimelineModel.Build(network, solver, integerBuilds: true, ModelOptions.Default);
        // Our writer, not OR-Tools' exporters, which keep 6 significant digits (a re-solve would differ in the objective).
        return lpFormat ? Output.ModelFileWriter.ToLp(solver) : Output.ModelFileWriter.ToMps(solver);
    }
    private static OptimisationResult Failed(NetworkSnapshot network, SolveStatus status, string message, SolverRun run) =>
        new(status, message, null, null, null, run, FlowReporter.Builds(network, null), [], [], [], [], CostBreakdown.Empty, [], [], null, null);
}
