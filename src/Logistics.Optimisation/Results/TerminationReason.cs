namespace Logistics.Optimisation;

/// <summary>
/// Why a solve stopped, separate from what it proved (<see cref="SolveStatus"/>): a feasible answer may come from a
/// time limit, a cancel or a stopping rule of the backend's own, and callers branch on this instead of on message text.
/// </summary>
public enum TerminationReason
{
    /// <summary>Proved optimal to the default relative gap (or an LP solved to optimality).</summary>
    Optimal,

    /// <summary>The whole-run time limit ran out (in the build, the solve, or before the prices).</summary>
    TimeLimit,

    /// <summary>The solver stopped at the relative gap asked for, which is looser than the default: optimal to that gap.</summary>
    GapReached,

    /// <summary>The caller cancelled (Ctrl-C, a worker shutting down).</summary>
    Cancelled,

    /// <summary>No plan meets every constraint.</summary>
    Infeasible,

    /// <summary>The objective can improve without limit.</summary>
    Unbounded,

    /// <summary>A stopping rule passed in the backend's own syntax (e.g. SCIP's <c>limits/solutions</c>) ended the search.</summary>
    BackendLimit,

    /// <summary>The backend is missing, refused the model or its parameters, or failed.</summary>
    Error,
}
