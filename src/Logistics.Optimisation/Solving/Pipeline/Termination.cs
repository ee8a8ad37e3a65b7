using Google.OrTools.LinearSolver;

namespace Logistics.Optimisation.Solving.Pipeline;

/// <summary>What a solve proved, why it stopped, and the status message for people.</summary>
internal sealed record Termination(SolveStatus Status, TerminationReason Reason, string Message)
{
    public bool HasSolution => Status is SolveStatus.Optimal or SolveStatus.Feasible;

    /// <summary>Maps the backend's status to ours; solver-specific statuses never leave this project.</summary>
    public static Termination FromBackend(Solver.ResultStatus status, bool cancelled, bool timedOut, SolverBackend backend)
    {
        var stopped = cancelled ? TerminationReason.Cancelled : timedOut ? TerminationReason.TimeLimit : (TerminationReason?)null;
        var why = cancelled ? "cancelled" : timedOut ? "time limit reached" : null;
        return status switch
        {
            Solver.ResultStatus.OPTIMAL => new(SolveStatus.Optimal, TerminationReason.Optimal, "Optimal."),
            Solver.ResultStatus.FEASIBLE => new(SolveStatus.Feasible, stopped ?? TerminationReason.BackendLimit, $"Feasible, not proven optimal ({why ?? "stopped early"})."),
            Solver.ResultStatus.INFEASIBLE => new(SolveStatus.Infeasible, TerminationReason.Infeasible, "Infeasible: no plan meets every constraint (supply must ship, demand minimums, capacities, rules, budget)."),
            Solver.ResultStatus.UNBOUNDED => new(SolveStatus.Unbounded, TerminationReason.Unbounded, "Unbounded: the objective can improve without limit (a priced market with no cap and unlimited supply?)."),
            _ when stopped is { } reason => new(SolveStatus.NoSolution, reason, $"No solution: {why} before any solution was found."),
            // CP-SAT scales continuous flows to integers; fractional tonnes or capacities can make that scaling impossible.
            Solver.ResultStatus.MODEL_INVALID when backend == SolverBackend.CpSat => Error("CP-SAT rejected the model: it scales continuous flows to integers, which fails when tonnes or capacities are fractional. Use the scip, cbc or highs backend (or auto)."),
            Solver.ResultStatus.MODEL_INVALID => Error("The solver rejected the model as invalid (a NaN or infinite figure?). This is a bug if the network validated."),
            _ => Error($"The solver stopped abnormally ({status})."),
        };
    }

    public static Termination Error(string message) => new(SolveStatus.Error, TerminationReason.Error, message);

    /// <summary>The whole-run limit ran out before the solver could start (the model build took it all).</summary>
    public static Termination OutOfTimeBeforeSolve(string step, TimeSpan limit, TimeSpan elapsed) => new(SolveStatus.NoSolution, TerminationReason.TimeLimit,
        FormattableString.Invariant($"No solution: time limit reached while {step} ({elapsed.TotalSeconds:0.###} s of the {limit.TotalSeconds:0.###} s limit), before the solver could start."));
}
