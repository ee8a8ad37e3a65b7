using System.Collections.Concurrent;
using System.Collections.Immutable;

using Logistics.Network.IO;
using Logistics.Optimisation;

namespace Logistics.Analysis.Uncertainty;

/// <summary>One solve of an uncertainty study (the central plan or a draw), with the solves it took and the kept-model rebuilds it needed.</summary>
public sealed record UncertaintyPiece(OptimisationResult Result, SolveTally Tally, int Rebuilds);

/// <summary>
/// The Monte Carlo draws of an uncertainty analysis as independent pieces, for running them elsewhere (a distributed
/// study, docs/distributed.md): the sample is made from the seed when the set is prepared, so a draw's answer depends
/// on its index alone, and <see cref="Assemble"/> builds the report with the same code as <see cref="UncertaintyAnalysis.Run"/>.
/// Covers the draws and what is computed from them; the tornado, regret and two-stage plan are not split (the request
/// must turn them off).
/// </summary>
public sealed class UncertaintyDrawSet : IDisposable
{
    private readonly ConcurrentBag<DrawSolverPool> _idle = [];
    private readonly ConcurrentBag<DrawSolverPool> _all = [];

    private UncertaintyDrawSet(NetworkSource source, UncertaintyRequest request, AnalysisSettings settings, UncertaintySpace space, bool overTime)
    {
        Source = source;
        Request = request;
        Space = space;
        OverTime = overTime;
        // Draws need costs, builds and flows, not prices (as in Run).
        DrawSettings = settings with { Solver = settings.Solver with { ComputePrices = false } };
        Sample = LatinHypercubeSampler.Sample(space.Seeds, space.Groups, request.Draws, request.Seed);
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
        // One pool per thread at a time, so its tally and rebuilds before and after are this draw's alone.
        if (!_idle.TryTake(out var pool))
        {
            pool = new DrawSolverPool(Space.Central, new SolveScheduler(DrawSettings), Request.RebuildEachDraw);
            _all.Add(pool);
        }

        try
        {
            var (tally, rebuilds, afresh) = (pool.Tally, pool.Rebuilds, pool.Scheduler.Tally);
            var result = pool.Solve(Space.Apply(Sample[index]), Outcomes.Hint(central), null, cancellationToken);
            var (tallyAfter, afreshAfter) = (pool.Tally, pool.Scheduler.Tally);
            return new UncertaintyPiece(result,
                new SolveTally(tallyAfter.Solves - tally.Solves + afreshAfter.Solves - afresh.Solves, tallyAfter.Unproven - tally.Unproven + afreshAfter.Unproven - afresh.Unproven),
                pool.Rebuilds - rebuilds);
        }
        finally
        {
            _idle.Add(pool);
        }
    }

    /// <summary>
    /// The report from the central piece and every draw's piece in draw order: the report <see cref="UncertaintyAnalysis.Run"/>
    /// gives for the same request (which must have no tornado, regret or two-stage plan).
    /// </summary>
    public UncertaintyReport Assemble(UncertaintyPiece central, IReadOnlyList<UncertaintyPiece> draws)
    {
        ArgumentNullException.ThrowIfNull(central);
        ArgumentNullException.ThrowIfNull(draws);
        if (Request.Tornado || Request.Regret || Request.TwoStageDraws > 0)
            throw new InvalidOperationException("A draw set assembles the draws only: turn the tornado, regret and two-stage plan off in the request.");
        if (draws.Count != Draws)
            throw new ArgumentException($"Expected {Draws} draws, got {draws.Count}.", nameof(draws));
        var solved = draws.Select((d, i) => UncertaintyAnalysis.Solved(i, Space.Apply(Sample[i]), d.Result, OverTime)).ToImmutableArray();
        var tally = new SolveTally(central.Tally.Solves + draws.Sum(d => d.Tally.Solves), central.Tally.Unproven + draws.Sum(d => d.Tally.Unproven));
        return UncertaintyAnalysis.Report(this, central.Result, solved, [], null, null, tally, draws.Sum(d => d.Rebuilds));
    }

    public void Dispose()
    {
        foreach (var pool in _all)
            pool.Dispose();
    }
}
