using System.Collections.Concurrent;
using System.Collections.Immutable;

using Logistics.Network.Loading;
using Logistics.Optimisation;

namespace Logistics.Analysis.Uncertainty;

/// <summary>
/// The Monte Carlo draws of an uncertainty analysis as independent pieces, for running them elsewhere (a distributed
/// study, docs/distributed.md): the sample is made from the seed when the set is prepared, so a draw's answer depends
/// on its index alone, and <see cref="Assemble"/> builds the report with the same code as <see cref="UncertaintyAnalysis.Run"/>.
/// The tornado's one-at-a-time solves and the regret table's plan-fixed solves are pieces too (the regret's candidate
/// plans come from the draws, so they run after them); the two-stage plan is not split (the request must turn it off).
/// </summary>
public sealed class UncertaintyDrawSet : IDisposable
{
    private readonly ConcurrentBag<DrawSolverPool> _idle = [];
    private readonly ConcurrentBag<DrawSolverPool> _all = [];
    private readonly Lazy<List<List<(int, double)>>> _moves;

    private UncertaintyDrawSet(NetworkSource source, UncertaintyRequest request, AnalysisSettings settings, UncertaintySpace space, bool overTime)
    {
        Source = source;
        Request = request;
        Space = space;
        OverTime = overTime;
        // Draws need costs, builds and flows, not prices (as in Run).
        DrawSettings = settings with { Solver = settings.Solver with { ComputePrices = false } };
        Sample = LatinHypercubeSampler.Sample(space.Seeds, space.Groups, request.Draws, request.Seed);
        _moves = new Lazy<List<List<(int, double)>>>(() => UncertaintyAnalysis.TornadoMoves(space));
    }

    internal NetworkSource Source { get; }

    internal UncertaintyRequest Request { get; }

    internal UncertaintySpace Space { get; }

    internal bool OverTime { get; }

    internal AnalysisSettings DrawSettings { get; }

    internal double[][] Sample { get; }

    public int Draws => Request.Draws;

    /// <summary>Checks the request and binds the network as <see cref="UncertaintyAnalysis.Run"/> does, and makes the seeded sample.</summary>
    /// <exception cref="AnalysisInputException">The request is malformed, or the network does not load.</exception>
    public static UncertaintyDrawSet Prepare(NetworkSource source, UncertaintyRequest request, AnalysisSettings settings)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        if (request.Draws < 2)
            throw new AnalysisInputException("An uncertainty analysis needs at least 2 draws.");
        if (request.TwoStageDraws < 0 || request.OutOfSampleDraws < 0)
            throw new AnalysisInputException("The numbers of two-stage and out-of-sample draws cannot be negative.");
        if (!(request.CvarAlpha > 0 && request.CvarAlpha < 1))
            throw new AnalysisInputException("The CVaR level (--cvar-alpha) must lie strictly between 0 and 1, e.g. 0.9 for the worst 10% of draws.");
        if (!(request.CvarWeight >= 0))
            throw new AnalysisInputException("The CVaR weight (--cvar-weight) must be 0 or more.");

        var load = source.Bind(new LoadOptions { Scenario = request.Scenario });
        if (!load.Succeeded || load.Network is null)
            throw new AnalysisInputException($"The network{(request.Scenario is null ? "" : $" with scenario '{request.Scenario}'")} is invalid; run 'logistics validate' for every problem.", load.Errors);
        var overTime = load.Network.IsPeriodised;
        if (overTime && request.TwoStageDraws > 0)
        {
            throw new AnalysisInputException(
                "The two-stage plan (--two-stage) is not available for a file with periods: its extensive form decides one set of builds for one year, not a schedule. "
                + "Run without --two-stage (or with --two-stage 0); the candidate schedules and their regret say which schedule holds up best.");
        }

        if (overTime && request.BindEachDraw)
            throw new AnalysisInputException("--bind-each-draw binds one-period files only; a file with periods is varied on its bound snapshot (every period alike).");
        return new UncertaintyDrawSet(source, request, settings, UncertaintySpace.For(load.Network, source.Seeds), overTime);
    }

    /// <summary>The plan at every seed's central value (one solve), whose builds hint every draw.</summary>
    public UncertaintyPiece SolveCentral(CancellationToken cancellationToken)
    {
        var scheduler = new SolveScheduler(DrawSettings);
        var result = scheduler.Solve(new SolveJob(Space.Central), cancellationToken);
        return new UncertaintyPiece(result, scheduler.Tally, 0);
    }

    /// <summary>Draw <paramref name="index"/> of the seeded sample, hinted with the central plan, on a kept model (thread-safe).</summary>
    public UncertaintyPiece SolveDraw(int index, OptimisationResult central, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(central);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Draws);
        if (Request.BindEachDraw)
            throw new InvalidOperationException("A draw set solves draws on the bound snapshot; --bind-each-draw is for measuring the single-machine run only.");
        var (result, tally, rebuilds) = Borrowed(pool => pool.Solve(Space.Apply(Sample[index]), Outcomes.Hint(central), null, cancellationToken));
        return new UncertaintyPiece(result, tally, rebuilds);
    }

    /// <summary>The tornado's solves: two per seed and two per correlation group (0 when the request has no tornado).</summary>
    public int TornadoMoves => Request.Tornado ? _moves.Value.Count : 0;

    /// <summary>Tornado solve <paramref name="index"/> (a seed or group at its low end when even, its high end when odd, the rest central), hinted with the central plan.</summary>
    public UncertaintyPiece SolveTornadoMove(int index, OptimisationResult central, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(central);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, TornadoMoves);
        var (result, tally, rebuilds) = Borrowed(pool => UncertaintyAnalysis.SolveTornadoMove(Space, _moves.Value[index], pool, Outcomes.Hint(central), cancellationToken));
        return new UncertaintyPiece(result, tally, rebuilds);
    }

    /// <summary>
    /// The regret table's candidate plans, chosen from the solved draws as <see cref="UncertaintyAnalysis.Run"/> chooses them
    /// (empty when the request has no regret); each is then evaluated on every draw by <see cref="SolveRegret"/>.
    /// </summary>
    public ImmutableArray<ImmutableArray<PlannedBuild>> CandidatePlans(UncertaintyPiece central, IReadOnlyList<UncertaintyPiece> draws)
    {
        ArgumentNullException.ThrowIfNull(central);
        if (!Request.Regret)
            return [];
        return [.. UncertaintyAnalysis.CandidatePlans(Solved(draws), UncertaintyAnalysis.CentralOf(central.Result, OverTime).Schedule, Request.MaxCandidatePlans).Select(p => p.Plan)];
    }

    /// <summary>The cost of <paramref name="plan"/> (builds fixed) on draw <paramref name="index"/>.</summary>
    public RegretPiece SolveRegret(ImmutableArray<PlannedBuild> plan, int index, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Draws);
        var fixedPlan = UncertaintyAnalysis.Fixed(plan);
        var (cost, tally, rebuilds) = Borrowed(pool => UncertaintyAnalysis.EvaluateOne(Space, Sample[index], fixedPlan, pool, cancellationToken));
        return new RegretPiece(cost, tally, rebuilds);
    }

    /// <summary>Runs one solve on a kept-model pool used by this thread alone, so its tally and rebuilds before and after are this solve's.</summary>
    private (T Value, SolveTally Tally, int Rebuilds) Borrowed<T>(Func<DrawSolverPool, T> solve)
    {
        if (!_idle.TryTake(out var pool))
        {
            pool = new DrawSolverPool(Space.Central, new SolveScheduler(DrawSettings), Request.RebuildEachDraw);
            _all.Add(pool);
        }

        try
        {
            var (tally, rebuilds, afresh) = (pool.Tally, pool.Rebuilds, pool.Scheduler.Tally);
            var value = solve(pool);
            var (tallyAfter, afreshAfter) = (pool.Tally, pool.Scheduler.Tally);
            return (value, new SolveTally(tallyAfter.Solves - tally.Solves + afreshAfter.Solves - afresh.Solves, tallyAfter.Unproven - tally.Unproven + afreshAfter.Unproven - afresh.Unproven),
                pool.Rebuilds - rebuilds);
        }
        finally
        {
            _idle.Add(pool);
        }
    }

    /// <summary>
    /// The report from the central piece, every draw's piece in draw order, every tornado piece in move order and every
    /// regret piece (plan by plan, each over every draw in order): the report <see cref="UncertaintyAnalysis.Run"/> gives
    /// for the same request (which must have no two-stage plan). Without a tornado or regret, their lists are empty.
    /// </summary>
    public UncertaintyReport Assemble(UncertaintyPiece central, IReadOnlyList<UncertaintyPiece> draws, IReadOnlyList<UncertaintyPiece> tornado, IReadOnlyList<RegretPiece> regret)
    {
        ArgumentNullException.ThrowIfNull(central);
        ArgumentNullException.ThrowIfNull(draws);
        ArgumentNullException.ThrowIfNull(tornado);
        ArgumentNullException.ThrowIfNull(regret);
        if (Request.TwoStageDraws > 0)
            throw new InvalidOperationException("A draw set does not assemble the two-stage plan: turn it off in the request.");
        if (draws.Count != Draws)
            throw new ArgumentException($"Expected {Draws} draws, got {draws.Count}.", nameof(draws));
        if (tornado.Count != TornadoMoves)
            throw new ArgumentException($"Expected {TornadoMoves} tornado solves, got {tornado.Count}.", nameof(tornado));
        var solved = Solved(draws);
        var centralPlan = UncertaintyAnalysis.CentralOf(central.Result, OverTime);
        RegretTable? table = null;
        if (Request.Regret)
        {
            var plans = UncertaintyAnalysis.CandidatePlans(solved, centralPlan.Schedule, Request.MaxCandidatePlans);
            if (regret.Count != plans.Count * Draws)
                throw new ArgumentException($"Expected {plans.Count * Draws} regret evaluations ({plans.Count} plans on {Draws} draws), got {regret.Count}.", nameof(regret));
            table = UncertaintyAnalysis.RegretOf(plans, [.. plans.Select((_, p) => regret.Skip(p * Draws).Take(Draws).Select(r => r.CostUsd).ToArray())], solved, centralPlan);
        }

        IReadOnlyList<UncertaintyPiece> pieces = [central, .. draws, .. tornado];
        var tally = new SolveTally(pieces.Sum(d => d.Tally.Solves) + regret.Sum(r => r.Tally.Solves), pieces.Sum(d => d.Tally.Unproven) + regret.Sum(r => r.Tally.Unproven));
        var bars = Request.Tornado ? UncertaintyAnalysis.TornadoBars(Space, [.. tornado.Select(t => t.Result)]) : [];
        return UncertaintyAnalysis.Report(this, central.Result, solved, bars, table, null, tally, draws.Sum(d => d.Rebuilds) + tornado.Sum(t => t.Rebuilds) + regret.Sum(r => r.Rebuilds));
    }

    private ImmutableArray<UncertaintyAnalysis.SolvedDraw> Solved(IReadOnlyList<UncertaintyPiece> draws)
    {
        ArgumentNullException.ThrowIfNull(draws);
        return [.. draws.Select((d, i) => UncertaintyAnalysis.Solved(i, Space.Apply(Sample[i]), d.Result, OverTime))];
    }

    public void Dispose()
    {
        foreach (var pool in _all)
            pool.Dispose();
    }
}
