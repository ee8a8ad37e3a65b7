namespace Logistics.Optimisation.Solving.Pipeline;

/// <summary>
/// Step 6: shadow prices from the LP with the builds fixed (docs/model.md, "Prices"), when the caller wants them
/// (<see cref="SolverSettings.ComputePrices"/>) and the time limit leaves room: the price LP is a second model build
/// plus an LP, so it is skipped, with a note, when less than one build time is left.
/// </summary>
internal static class PriceStep
{
    public const string Skipped = "Prices skipped: the time limit ran out before the fixed-build linear programme could be built and solved.";

    public const string Missing = "Prices are missing: the fixed-build linear programme did not solve to optimality (within the time limit, if one was given).";

    /// <summary>The prices, or null with the sentence to add to the status message (none when not asked for).</summary>
    public static (PriceReport? Prices, string? Note) Run(SolveRun run, Extraction extraction)
    {
        if (!run.Settings.ComputePrices)
            return (null, null);
        var left = run.Clock.Remaining;
        if (left < run.BuildTime)
            return (null, Skipped);
        var started = run.Clock.Now();
        var prices = PriceCalculator.ForBuilds(run.Network, extraction.Values.Built, run.Options, left, run.Model);
        run.PriceTime = run.Clock.Since(started);
        return (prices, prices is null ? Missing : null);
    }
}
