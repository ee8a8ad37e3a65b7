namespace Logistics.Optimisation.Solving.Pipeline;

/// <summary>
/// Step 3: under a time limit, start a large MIP from a feasible plan (an LP with the builds fixed), so the limit
/// yields a plan with a gap rather than none. It spends at most half of what is left of the limit; the time counts
/// as solve time. A cancel stops the search at once; the solve step then reports the cancel.
/// </summary>
internal static class StartStep
{
    public static void Run(SolveRun run, CancellationToken cancellationToken)
    {
        if (run.Clock.Remaining is not { } left || !run.Options.IncumbentStart || run.IsLpBackend || run.Undecided == 0 || run.Settings.BuildHint is not null
            || run.Solver!.NumVariables() < run.Options.IncumbentStartMinVariables)
            return;
        var started = run.Clock.Now();
        IncumbentStart.TryHint(run.Model!, run.Options, left / 2, run.Clock.Time, cancellationToken);
        run.SolveTime += run.Clock.Since(started);
    }
}
