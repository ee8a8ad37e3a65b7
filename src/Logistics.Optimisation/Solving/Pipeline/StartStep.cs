namespace Logistics.Optimisation.Solving.Pipeline;

/// <summary>
/// Step 3: under a time limit, start a large MIP from a feasible plan (an LP with the builds fixed), so the limit
/// yields a plan with a gap rather than none. It spends at most half of what is left of the limit, or
/// <see cref="NeighbourhoodShare"/> when MIP neighbourhoods run (a large design model); the time counts as solve time.
/// A cancel stops the search at once; the solve step then reports the cancel.
/// </summary>
internal static class StartStep
{
    /// <summary>
    /// With MIP neighbourhoods the start may take 95% of the limit: on the 200-commodity C instances at 120 s the full
    /// MIP's own bound never overtook the strong relaxation's (c37, c38, c45, c46), so its share buys little, while the
    /// search's plans are what the user gets (docs/benchmarks.md, "MIP neighbourhoods"). 95% rather than 85% by
    /// measurement (docs/benchmarks.md, "The start's share of the limit"): n1000 at 30 s 180.2M → 179.3M, the eight
    /// 200-commodity instances at 120 s summed 0.2% lower; a search that ends early leaves the rest to the MIP anyway.
    /// </summary>
    public const double NeighbourhoodShare = 0.95;

    public static void Run(SolveRun run, CancellationToken cancellationToken)
    {
        if (run.Clock.Remaining is not { } left || !run.Options.IncumbentStart || run.IsLpBackend || run.Undecided == 0 || run.Settings.BuildHint is not null
            || run.Solver!.NumVariables() < run.Options.IncumbentStartMinVariables)
            return;
        var started = run.Clock.Now();
        var neighbourhood = run.Options.PrimalHeuristics && run.Options.MipNeighbourhood && run.Settings.MipNeighbourhood
            && run.Solver!.NumVariables() >= run.Options.MipNeighbourhoodMinVariables;
        IncumbentStart.TryHint(run.Model!, run.Options with { MipNeighbourhood = neighbourhood }, left * (neighbourhood ? NeighbourhoodShare : 0.5), run.Clock.Time, cancellationToken);
        run.SolveTime += run.Clock.Since(started);
    }
}
