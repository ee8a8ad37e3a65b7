using System.Collections.Immutable;
using System.Globalization;

using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;
using Logistics.Optimisation;
using Logistics.Optimisation.Stochastic;

using MathNet.Numerics.Statistics;

namespace Logistics.Analysis.Uncertainty;

/// <summary>
/// How sure is the answer (docs/analyses.md, "Uncertainty"): Monte Carlo over the register's ranges, tornado, candidate
/// plans with regret, and a two-stage stochastic plan. The network is bound and validated once; each draw is a
/// <see cref="FigureChangeSet"/> applied to that snapshot and solved in process. Draws are sampled up front on one
/// thread and solved through <see cref="SolveScheduler"/>, which returns results in draw order, and every solve is
/// hinted with the central plan: the report depends on the seed alone, whatever <c>--parallel</c> is.
/// </summary>
public static class UncertaintyAnalysis
{
    /// <summary>Offsets of the seeds of the two-stage and out-of-sample samples from the main one, so the three are independent.</summary>
    private const int TwoStageSeedOffset = 1;

    private const int OutOfSampleSeedOffset = 2;

    /// <summary>How draws are made, in words (reports and manifests quote it).</summary>
    public const string SamplingMethod = "Latin hypercube (McKay et al. 1979), rank correlations by Iman–Conover (1982), Mersenne Twister seeded by --seed";

    /// <param name="progress">Called after each solve of the main draws with (done, total), from any thread.</param>
    /// <exception cref="AnalysisInputException">The request is malformed, or the network does not load.</exception>
    public static UncertaintyReport Run(NetworkSource source, UncertaintyRequest request, AnalysisSettings settings, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        using var set = UncertaintyDrawSet.Prepare(source, request, settings);
        var space = set.Space;
        var overTime = set.OverTime;
        // Draws need costs, builds and flows, not prices: skipping the price LP halves the work per draw.
        var scheduler = new SolveScheduler(set.DrawSettings);
        using var pool = new DrawSolverPool(space.Central, scheduler, request.RebuildEachDraw);

        var centralResult = scheduler.Solve(new SolveJob(space.Central), cancellationToken);
        var central = CentralOf(centralResult, overTime);
        var hint = Outcomes.Hint(centralResult);

        var sample = set.Sample;
        var done = 0;
        var draws = scheduler.Map(Enumerable.Range(0, request.Draws).ToList(), (i, ct) =>
        {
            var network = request.BindEachDraw ? BindDraw(source, request.Scenario, space, sample[i]) : space.Apply(sample[i]);
            var result = request.BindEachDraw ? scheduler.Solve(new SolveJob(network, hint), ct) : pool.Solve(network, hint, null, ct);
            progress?.Invoke(Interlocked.Increment(ref done), request.Draws);
            return Solved(i, network, result, overTime);
        }, cancellationToken);

        var tornado = request.Tornado ? Tornado(space, scheduler, pool, hint, cancellationToken) : [];
        var regret = request.Regret ? Regret(space, sample, draws, central, request.MaxCandidatePlans, scheduler, pool, cancellationToken) : null;
        var twoStage = request.TwoStageDraws > 0 ? TwoStage(space, request, central, scheduler, pool, hint, cancellationToken) : null;
        var kept = pool.Tally;
        var tally = new SolveTally(scheduler.Tally.Solves + kept.Solves, scheduler.Tally.Unproven + kept.Unproven);
        return Report(set, centralResult, draws, tornado, regret, twoStage, tally, pool.Rebuilds);
    }

    internal static SolvedDraw Solved(int index, NetworkSnapshot network, OptimisationResult result, bool overTime) => new(index, network, result, PlanOf(result, overTime));

    /// <summary>The report from the central plan and the solved draws (in draw order): shared by <see cref="Run"/> and <see cref="UncertaintyDrawSet.Assemble"/>.</summary>
    internal static UncertaintyReport Report(UncertaintyDrawSet set, OptimisationResult centralResult, ImmutableArray<SolvedDraw> draws, ImmutableArray<TornadoBar> tornado,
        RegretTable? regret, TwoStageReport? twoStage, SolveTally tally, int rebuilds)
    {
        var (request, space, sample, overTime) = (set.Request, set.Space, set.Sample, set.OverTime);
        var central = CentralOf(centralResult, overTime);
        var outcomes = draws.Select(d => new DrawOutcome(d.Index, [.. sample[d.Index]], d.Result.Status, d.Result.HasSolution ? d.Result.Objective : null, Outcomes.Built(d.Result)) { Schedule = d.Plan }).ToImmutableArray();
        var solved = draws.Where(d => d.Result.Status == SolveStatus.Optimal || d.Result.Status == SolveStatus.Feasible).ToList();
        return new UncertaintyReport(
            request.Scenario,
            request.Draws,
            request.Seed,
            SamplingMethod,
            Seeds(space),
            Correlations(space, sample),
            space.NotVaried,
            central,
            CostOf(solved.Select(d => d.Result.Objective!.Value).ToList()),
            OptionProbabilities(space.Central, solved, central.Built),
            PlanFrequencies(solved, central.Schedule),
            PortShares(solved),
            RouteShares(solved),
            Convergence(draws),
            [.. draws.Where(d => !d.Result.HasSolution).Select(d => new DrawProblem(d.Index, d.Result.Status, Explain(d.Result)))],
            tornado,
            regret,
            twoStage)
        {
            Tally = tally,
            DrawOutcomes = outcomes,
            OverTime = overTime,
            Rebuilds = rebuilds,
        };
    }

    /// <summary>The draw bound from the file's tree like a sweep value: every moved figure set by an extra change, then bound and validated.</summary>
    private static NetworkSnapshot BindDraw(NetworkSource source, string? scenario, UncertaintySpace space, double[] values)
    {
        var changes = space.Changes(values).Changes.Select(c => new ScenarioChange(c.Path, ChangeOperation.Set, FigureChangeSet.IsWholeNumber(c.Path) ? Math.Round(c.Value) : c.Value)).ToImmutableArray();
        var load = source.Bind(new LoadOptions { Scenario = scenario, ExtraChanges = changes });
        return load.Succeeded && load.Network is not null
            ? load.Network
            : throw new AnalysisInputException("A draw does not give a valid network when bound from the file.", load.Errors);
    }

    /// <summary>The central plan as the report states it.</summary>
    internal static PlanAtCentre CentralOf(OptimisationResult centralResult, bool overTime) =>
        new(centralResult.Status, centralResult.Objective, Outcomes.Built(centralResult)) { Schedule = PlanOf(centralResult, overTime) };

    internal sealed record SolvedDraw(int Index, NetworkSnapshot Network, OptimisationResult Result, ImmutableArray<PlannedBuild> Plan);

    /// <summary>The plan a result chose: its builds, each with the year it enters service for a plan over time.</summary>
    private static ImmutableArray<PlannedBuild> PlanOf(OptimisationResult result, bool overTime) =>
        !result.HasSolution ? []
        : overTime ? [.. result.Schedule.Select(b => new PlannedBuild(b.Id, b.ServiceYear)).OrderBy(p => p.Option)]
        : [.. Outcomes.Built(result).Select(id => new PlannedBuild(id, null))];

    /// <summary>The plan as a fixed decision: option → year it enters service (0 for a one-period plan, where the year is ignored).</summary>
    internal static ImmutableDictionary<OptionId, int> Fixed(ImmutableArray<PlannedBuild> plan) => plan.ToImmutableDictionary(p => p.Option, p => p.Year ?? 0);

    private static ImmutableArray<SampledSeed> Seeds(UncertaintySpace space)
    {
        var groupOf = space.Groups.SelectMany(g => g.Columns.Select(c => (c, g.Id))).ToDictionary(x => x.c, x => x.Id);
        return [.. space.Seeds.Select((s, j) => new SampledSeed(s.Id, s.Distribution, s.Low, s.Central, s.High, s.Unit, space.Figures[j].Length, groupOf.GetValueOrDefault(j)))];
    }

    private static ImmutableArray<CorrelationCheck> Correlations(UncertaintySpace space, double[][] sample) =>
    [
        .. space.Groups.Select(g =>
        {
            var columns = g.Columns.Select(c => sample.Select(row => row[c]).ToArray()).ToArray();
            var pairs = new List<double>();
            for (var a = 0; a < columns.Length; a++)
            {
                for (var b = a + 1; b < columns.Length; b++)
                    pairs.Add(Correlation.Spearman(columns[a], columns[b]));
            }

            return new CorrelationCheck(g.Id, [.. g.Columns.Select(c => space.Seeds[c].Id)], g.RankCorrelation, pairs.Average());
        }),
    ];

    private static CostDistribution CostOf(List<double> costs)
    {
        if (costs.Count == 0)
            return new CostDistribution(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var sorted = costs.Order().ToArray();
        return new CostDistribution(costs.Count, costs.Average(), SampleStatistics.MeanHalfWidth(costs), costs.Count > 1 ? costs.StandardDeviation() : 0,
            sorted[0], SampleStatistics.Quantile(sorted, 0.05), SampleStatistics.Quantile(sorted, 0.5), SampleStatistics.Quantile(sorted, 0.95), sorted[^1]);
    }

    private static ImmutableArray<OptionProbability> OptionProbabilities(NetworkSnapshot network, List<SolvedDraw> solved, ImmutableArray<OptionId> centralBuilt) =>
    [
        .. network.Options.Select(o =>
        {
            var built = solved.Count(d => d.Result.Builds.Any(b => b.Id == o.Id && b.Built));
            var (low, high) = SampleStatistics.Wilson(built, solved.Count);
            var byYear = solved.SelectMany(d => d.Plan).Where(p => p.Option == o.Id && p.Year is not null).GroupBy(p => p.Year!.Value).OrderBy(g => g.Key)
                .Select(g => new YearCount(g.Key, g.Count(), (double)g.Count() / solved.Count)).ToImmutableArray();
            return new OptionProbability(o.Id, built, solved.Count, solved.Count == 0 ? 0 : (double)built / solved.Count, low, high, centralBuilt.Contains(o.Id)) { ByYear = byYear };
        }),
    ];

    private static ImmutableArray<PlanFrequency> PlanFrequencies(List<SolvedDraw> solved, ImmutableArray<PlannedBuild> centralPlan) =>
    [
        .. solved.GroupBy(d => PlanKey(d.Plan), StringComparer.Ordinal)
            .Select(g => new PlanFrequency(Outcomes.Built(g.First().Result), g.Count(), (double)g.Count() / solved.Count, g.Average(d => d.Result.Objective!.Value),
                g.Key == PlanKey(centralPlan)) { Schedule = g.First().Plan })
            .OrderByDescending(p => p.Count).ThenBy(p => PlanKey(p.Schedule), StringComparer.Ordinal),
    ];

    /// <summary>A plan's identity: its builds in id order, each with its year when the plan is over time.</summary>
    private static string PlanKey(IEnumerable<PlannedBuild> plan) => string.Join(",", plan.OrderBy(p => p.Option).Select(p => p.Year is { } y ? $"{p.Option}@{y}" : p.Option.Value));

    private static ImmutableArray<ShareSummary> PortShares(List<SolvedDraw> solved)
    {
        if (solved.Count == 0) return [];
        var shares = solved.Select(d => Outcomes.PortShares(d.Network, d.Result)).ToList();
        return
        [
            .. shares.SelectMany(s => s).Select(p => p.Port).Distinct().Order().Select(port =>
            {
                var of = shares.Select(s => s.FirstOrDefault(p => p.Port == port)).ToList();
                return new ShareSummary(port.Value, of.Sum(p => p?.Share ?? 0) / solved.Count, of.Sum(p => p?.TonnesPerYear ?? 0) / solved.Count, (double)of.Count(p => p is { TonnesPerYear: > 0 }) / solved.Count);
            }),
        ];
    }

    private static ImmutableArray<ShareSummary> RouteShares(List<SolvedDraw> solved)
    {
        if (solved.Count == 0) return [];
        var perDraw = solved.Select(d =>
        {
            var total = d.Result.Routes.Sum(r => r.TonnesPerYear);
            return d.Result.Routes.GroupBy(RouteKey, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (Tonnes: g.Sum(r => r.TonnesPerYear), Share: total > 0 ? g.Sum(r => r.TonnesPerYear) / total : 0), StringComparer.Ordinal);
        }).ToList();
        return
        [
            .. perDraw.SelectMany(d => d.Keys).Distinct(StringComparer.Ordinal)
                .Select(key => new ShareSummary(key,
                    perDraw.Sum(d => d.TryGetValue(key, out var v) ? v.Share : 0) / solved.Count,
                    perDraw.Sum(d => d.TryGetValue(key, out var v) ? v.Tonnes : 0) / solved.Count,
                    (double)perDraw.Count(d => d.ContainsKey(key)) / solved.Count))
                .OrderByDescending(s => s.MeanShare).ThenBy(s => s.Element, StringComparer.Ordinal),
        ];
    }

    /// <summary>A route as a planner reads it: commodity, then the places in order.</summary>
    private static string RouteKey(RouteResult route) => $"{route.Commodity}: {string.Join(" → ", route.Nodes)}";

    /// <summary>The running mean after 10%, 20%, … of the draws (and every draw count below 10): enough to see whether it has settled.</summary>
    private static ImmutableArray<ConvergencePoint> Convergence(ImmutableArray<SolvedDraw> draws)
    {
        var checkpoints = Enumerable.Range(1, 10).Select(t => (int)Math.Ceiling(draws.Length * t / 10.0)).Where(n => n >= 2).Distinct().ToList();
        return
        [
            .. checkpoints.Select(n =>
            {
                var costs = draws.Take(n).Where(d => d.Result.HasSolution).Select(d => d.Result.Objective!.Value).ToList();
                if (costs.Count == 0) return new ConvergencePoint(n, double.NaN, double.NaN, double.NaN);
                var mean = costs.Average();
                var half = SampleStatistics.MeanHalfWidth(costs);
                return new ConvergencePoint(n, mean, half, mean != 0 ? half / Math.Abs(mean) : double.NaN);
            }),
        ];
    }

    private static string Explain(OptimisationResult result)
    {
        if (result.Diagnosis is { } diagnosis && !diagnosis.Findings.IsDefaultOrEmpty)
            return string.Join(" ", diagnosis.Findings.Select(f => f.Sentence));
        if (result.Diagnosis is { } conflicts && !conflicts.Conflicts.IsDefaultOrEmpty)
            return string.Join(" ", conflicts.Conflicts);
        return result.StatusMessage;
    }

    /// <summary>Every seed at its low and high with the rest central, then every correlation group with all its members together.</summary>
    private static ImmutableArray<TornadoBar> Tornado(UncertaintySpace space, SolveScheduler scheduler, DrawSolverPool pool, ImmutableDictionary<OptionId, bool>? hint, CancellationToken ct)
    {
        var moves = TornadoMoves(space);
        var results = scheduler.Map(moves, (m, token) => SolveTornadoMove(space, m, pool, hint, token), ct);
        return TornadoBars(space, results);
    }

    /// <summary>The tornado's cases: one per seed, then one per correlation group, each with the changes at its low and at its high end.</summary>
    private static List<(string Name, bool IsGroup, double? Low, double? High, List<(int, double)> AtLow, List<(int, double)> AtHigh)> TornadoCases(UncertaintySpace space)
    {
        var cases = new List<(string Name, bool IsGroup, double? Low, double? High, List<(int, double)> AtLow, List<(int, double)> AtHigh)>();
        for (var j = 0; j < space.Seeds.Length; j++)
        {
            var seed = space.Seeds[j];
            cases.Add((seed.Id.Value, false, seed.Low, seed.High, [(j, seed.Low)], [(j, seed.High)]));
        }

        foreach (var group in space.Groups)
        {
            List<(int, double)> At(Func<UncertainSeed, double> end) => [.. group.Columns.Select(c => (c, end(space.Seeds[c])))];
            cases.Add((group.Id, true, null, null, At(s => s.Low), At(s => s.High)));
        }

        return cases;
    }

    /// <summary>The tornado's one-at-a-time solves in order: each case's low end, then its high end (a distributed study runs them as units).</summary>
    internal static List<List<(int, double)>> TornadoMoves(UncertaintySpace space) => [.. TornadoCases(space).SelectMany(c => new[] { c.AtLow, c.AtHigh })];

    internal static OptimisationResult SolveTornadoMove(UncertaintySpace space, List<(int, double)> move, DrawSolverPool pool, ImmutableDictionary<OptionId, bool>? hint, CancellationToken ct) =>
        pool.Solve(space.Apply(move, space.Central), hint, null, ct);

    /// <summary>The bars from every move's result in <see cref="TornadoMoves"/> order, widest swing first.</summary>
    internal static ImmutableArray<TornadoBar> TornadoBars(UncertaintySpace space, IReadOnlyList<OptimisationResult> results) =>
    [
        .. TornadoCases(space).Select((c, i) =>
        {
            var low = results[2 * i];
            var high = results[(2 * i) + 1];
            var builtLow = Outcomes.Built(low);
            var builtHigh = Outcomes.Built(high);
            double? swing = low.HasSolution && high.HasSolution ? Math.Abs(high.Objective!.Value - low.Objective!.Value) : null;
            return new TornadoBar(c.Name, c.IsGroup, c.Low, c.High, low.Status, high.Status, low.Objective, high.Objective, swing, builtLow, builtHigh,
                !builtLow.SequenceEqual(builtHigh) || low.HasSolution != high.HasSolution);
        }).OrderByDescending(b => b.SwingUsd ?? double.PositiveInfinity).ThenBy(b => b.Name, StringComparer.Ordinal),
    ];

    /// <summary>The most frequent optimal plans and the central plan, each with builds fixed, solved on every draw.</summary>
    private static RegretTable? Regret(UncertaintySpace space, double[][] sample, ImmutableArray<SolvedDraw> draws, PlanAtCentre central, int maxPlans, SolveScheduler scheduler,
        DrawSolverPool pool, CancellationToken ct)
    {
        var plans = CandidatePlans(draws, central.Schedule, maxPlans);
        var costs = plans.Select(plan => Evaluate(space, sample, plan.Plan, scheduler, pool, ct)).ToList();
        return RegretOf(plans, costs, draws, central);
    }

    /// <summary>The candidate plans of the regret table: the most frequent optima (most frequent first, ties by plan), then the central plan if it is not among them.</summary>
    internal static List<(ImmutableArray<PlannedBuild> Plan, int Count)> CandidatePlans(ImmutableArray<SolvedDraw> draws, ImmutableArray<PlannedBuild> centralPlan, int maxPlans)
    {
        var plans = draws.Where(d => d.Result.HasSolution)
            .GroupBy(d => PlanKey(d.Plan), StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(Math.Max(1, maxPlans))
            .Select(g => (Plan: g.First().Plan, Count: g.Count()))
            .ToList();
        if (plans.All(p => PlanKey(p.Plan) != PlanKey(centralPlan)))
            plans.Add((centralPlan, 0));
        return plans;
    }

    /// <summary>The regret table from each candidate plan's cost on every draw (null where infeasible), in <see cref="CandidatePlans"/> order.</summary>
    internal static RegretTable RegretOf(List<(ImmutableArray<PlannedBuild> Plan, int Count)> plans, IReadOnlyList<double?[]> costs, ImmutableArray<SolvedDraw> draws, PlanAtCentre central)
    {
        var optimum = draws.Select(d => d.Result.HasSolution ? d.Result.Objective : null).ToArray();
        var candidates = plans.Select((plan, p) => Candidate(plan.Plan, PlanKey(plan.Plan) == PlanKey(central.Schedule), plan.Count, costs[p], optimum)).ToImmutableArray();
        var feasibleEverywhere = candidates.Where(c => c.InfeasibleDraws == 0 && c.MeanCostUsd is not null).ToList();
        var least = feasibleEverywhere.Count == 0 ? null : feasibleEverywhere.MinBy(c => c.MeanCostUsd);
        var minimax = feasibleEverywhere.Count == 0 ? null : feasibleEverywhere.MinBy(c => c.MaxRegretUsd);
        return new RegretTable(candidates, least?.Built, minimax?.Built, central.Built)
        {
            LeastExpectedCostSchedule = least?.Schedule,
            MinimaxRegretSchedule = minimax?.Schedule,
            CentralSchedule = central.Schedule,
        };
    }

    /// <summary>
    /// The plan's cost on each draw with its builds fixed (a linear programme per draw; for a plan over time each
    /// option enters service exactly in its year); null where it is infeasible.
    /// </summary>
    private static double?[] Evaluate(UncertaintySpace space, double[][] sample, ImmutableArray<PlannedBuild> plan, SolveScheduler scheduler, DrawSolverPool pool, CancellationToken ct)
    {
        var fixedPlan = Fixed(plan);
        return
        [
            .. scheduler.Map(Enumerable.Range(0, sample.Length).ToList(), (i, token) => EvaluateOne(space, sample[i], fixedPlan, pool, token), ct),
        ];
    }

    /// <summary>One draw's cost with the plan fixed; null where the plan is infeasible there.</summary>
    internal static double? EvaluateOne(UncertaintySpace space, double[] values, ImmutableDictionary<OptionId, int> fixedPlan, DrawSolverPool pool, CancellationToken ct)
    {
        var result = pool.Solve(space.Apply(values), null, fixedPlan, ct);
        return result.HasSolution ? result.Objective : null;
    }

    private static CandidatePlan Candidate(ImmutableArray<PlannedBuild> plan, bool isCentral, int optimalIn, double?[] costs, double?[] optimum)
    {
        ImmutableArray<OptionId> built = [.. plan.Select(p => p.Option).Order()];
        var feasible = costs.Where(c => c is not null).Select(c => c!.Value).ToList();
        var regrets = costs.Select((c, i) => c is { } v && optimum[i] is { } o ? v - o : (double?)null).Where(r => r is not null).Select(r => r!.Value).ToList();
        if (feasible.Count == 0)
            return new CandidatePlan(built, isCentral, optimalIn, costs.Length, null, null, null, null, null, null) { Schedule = plan };
        var sorted = feasible.Order().ToArray();
        return new CandidatePlan(built, isCentral, optimalIn, costs.Count(c => c is null), feasible.Average(), SampleStatistics.MeanHalfWidth(feasible),
            SampleStatistics.Quantile(sorted, 0.9), sorted[^1], regrets.Count == 0 ? null : regrets.Average(), regrets.Count == 0 ? null : regrets.Max()) { Schedule = plan };
    }

    /// <summary>The extensive form on its own sample; VSS and EVPI on that sample; both plans on a fresh sample.</summary>
    private static TwoStageReport TwoStage(UncertaintySpace space, UncertaintyRequest request, PlanAtCentre central, SolveScheduler scheduler, DrawSolverPool pool,
        ImmutableDictionary<OptionId, bool>? hint, CancellationToken ct)
    {
        var seed = unchecked(request.Seed + TwoStageSeedOffset);
        var sample = LatinHypercubeSampler.Sample(space.Seeds, space.Groups, request.TwoStageDraws, seed);
        var networks = sample.Select(space.Apply).ToList();
        var solution = TwoStageOptimiser.Solve(networks, scheduler.Settings with { Threads = Math.Max(1, scheduler.Parallelism) }, request.TwoStageMethod, request.CvarAlpha, request.CvarWeight, ct);

        var waitAndSee = scheduler.Map(networks, (n, token) => pool.Solve(n, hint, null, token), ct);
        double? ws = waitAndSee.All(r => r.HasSolution) ? waitAndSee.Average(r => r.Objective!.Value) : null;
        var eevCosts = Evaluate(space, sample, central.Schedule, scheduler, pool, ct);
        double? eev = eevCosts.All(c => c is not null) ? eevCosts.Average(c => c!.Value) : null;
        var rp = solution.ExpectedCostUsd;

        OutOfSample? outOfSample = null;
        if (request.OutOfSampleDraws > 0 && solution.Built is { } built && solution.ObjectiveUsd is not null)
        {
            var fresh = LatinHypercubeSampler.Sample(space.Seeds, space.Groups, request.OutOfSampleDraws, unchecked(request.Seed + OutOfSampleSeedOffset));
            var stochastic = Evaluate(space, fresh, [.. built.Select(id => new PlannedBuild(id, null))], scheduler, pool, ct);
            var centre = Evaluate(space, fresh, central.Schedule, scheduler, pool, ct);
            outOfSample = OutOfSampleOf(request.OutOfSampleDraws, unchecked(request.Seed + OutOfSampleSeedOffset), stochastic, centre);
        }

        return new TwoStageReport(request.TwoStageDraws, seed, request.CvarAlpha, request.CvarWeight, solution.Status, solution.Message, solution.Built,
            solution.ObjectiveUsd, rp, solution.CvarUsd, ws, eev, eev is { } e && rp is { } r ? e - r : null, rp is { } r2 && ws is { } w ? r2 - w : null,
            solution.Variables, solution.Constraints, outOfSample)
        {
            ExtensiveFormTime = solution.SolveTime,
            Method = solution.Method,
            Iterations = solution.Iterations,
            OptimalityCuts = solution.OptimalityCuts,
            FeasibilityCuts = solution.FeasibilityCuts,
        };
    }

    private static OutOfSample OutOfSampleOf(int draws, int seed, double?[] stochastic, double?[] central)
    {
        var s = stochastic.Where(c => c is not null).Select(c => c!.Value).ToList();
        var c = central.Where(x => x is not null).Select(x => x!.Value).ToList();
        var saving = stochastic.Zip(central).Where(p => p.First is not null && p.Second is not null).Select(p => p.Second!.Value - p.First!.Value).ToList();
        return new OutOfSample(draws, seed,
            s.Count == 0 ? null : s.Average(), s.Count == 0 ? null : SampleStatistics.MeanHalfWidth(s), stochastic.Count(x => x is null),
            c.Count == 0 ? null : c.Average(), c.Count == 0 ? null : SampleStatistics.MeanHalfWidth(c), central.Count(x => x is null),
            saving.Count == 0 ? null : saving.Average(), saving.Count == 0 ? null : SampleStatistics.MeanHalfWidth(saving));
    }

    /// <summary>The CSV of draws: one row per draw, every sampled seed value and the outcome, so any figure can be redone in a spreadsheet.</summary>
    public static void WriteDrawsCsv(UncertaintyReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(string.Join(",", new[] { "draw", "status", "total_cost_usd", "built" }.Concat(report.Seeds.Select(s => s.Id.Value))));
        foreach (var d in report.DrawOutcomes)
        {
            writer.WriteLine(string.Join(",", new[]
            {
                d.Draw.ToString(CultureInfo.InvariantCulture),
                d.Status.ToString().ToLowerInvariant(),
                d.ObjectiveUsd?.ToString("R", CultureInfo.InvariantCulture) ?? "",
                string.Join(";", d.Schedule.IsDefaultOrEmpty ? d.Built.Select(b => b.Value) : d.Schedule.Select(p => p.Year is { } y ? $"{p.Option}@{y}" : p.Option.Value)),
            }.Concat(d.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))));
        }
    }
}
