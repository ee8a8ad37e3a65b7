namespace Logistics.Optimisation.Solving.Pipeline;

/// <summary>Step 7: the result record, with the run's figures (sizes, where the time went).</summary>
internal static class ResultStep
{
    /// <summary>A run that ends without a plan: status, reason and message, the options undecided, no solution.</summary>
    public static OptimisationResult Failed(SolveRun run, Termination termination, InfeasibilityDiagnosis? diagnosis = null) =>
        new(termination.Status, termination.Message, null, null, null, run.Record(TimeSpan.Zero), FlowReporter.Builds(run.Network, null),
            [], [], [], [], CostBreakdown.Empty, [], [], null, diagnosis)
        {
            Reason = termination.Reason,
        };

    public static OptimisationResult Solved(SolveRun run, Extraction x, PriceReport? prices, string? priceNote)
    {
        var message = priceNote is null ? x.Termination.Message : $"{x.Termination.Message} {priceNote}";
        // Extraction is what the wall time spent after the solve, less the prices.
        var extract = run.Clock.Since(run.Solved) - run.PriceTime;
        return new OptimisationResult(x.Termination.Status, message, x.Objective, x.BestBound, x.RelativeGap, run.Record(extract),
            x.Builds, x.Routes, x.LinkFlows, x.PortFlows, x.Bottlenecks, x.Costs, x.Deliveries, x.Unshipped, prices, Diagnosis: null)
        {
            Reason = x.Termination.Reason,
        };
    }
}
