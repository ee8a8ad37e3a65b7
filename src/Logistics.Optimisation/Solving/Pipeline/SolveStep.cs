using Google.OrTools.LinearSolver;

namespace Logistics.Optimisation.Solving.Pipeline;

/// <summary>
/// Step 4: hand the model to the backend with what is left of the time limit, the threads, the gap and the caller's
/// backend parameters; a cancel interrupts it. Maps the outcome to a <see cref="Termination"/>.
/// </summary>
internal static class SolveStep
{
    public static Termination Run(SolveRun run, CancellationToken cancellationToken)
    {
        var started = run.Clock.Now();
        var solver = run.Solver!;
        var allowed = run.Clock.Remaining;
        if (allowed is { } left)
            solver.SetTimeLimit((long)Math.Max(1, left.TotalMilliseconds));
        solver.SetNumThreads(run.Threads);
        if (!string.IsNullOrWhiteSpace(run.Settings.BackendParameters) && !solver.SetSolverSpecificParametersAsString(run.Settings.BackendParameters))
            return Termination.Error($"The {run.BackendName} backend rejected the parameters '{run.Settings.BackendParameters}'. Check their names and syntax in the backend's documentation.");

        using var parameters = new MPSolverParameters();
        if (!run.IsLpBackend)
            parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, run.Settings.RelativeGap ?? SolverSettings.DefaultRelativeGap);

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

        run.Solved = run.Clock.Now();
        var spent = run.Clock.Between(started, run.Solved);
        run.SolveTime += spent;
        // A backend that stops without a solution while a limit is set has hit it (its clock starts after ours).
        var timedOut = allowed is { } a && (spent >= a * 0.9 || status == Solver.ResultStatus.NOT_SOLVED);
        return Termination.FromBackend(status, cancelled, timedOut, run.Backend);
    }
}
