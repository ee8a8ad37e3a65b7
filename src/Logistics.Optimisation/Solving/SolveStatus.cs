namespace Logistics.Optimisation;

/// <summary>What the solver proved. Solver-specific statuses never leave this project.</summary>
public enum SolveStatus
{
    /// <summary>Proven optimal (within the requested gap, if one was given).</summary>
    Optimal,

    /// <summary>A solution with a proven bound and gap, not proven optimal (time limit or cancel).</summary>
    Feasible,

    /// <summary>No plan satisfies every constraint.</summary>
    Infeasible,

    /// <summary>The objective can improve without limit.</summary>
    Unbounded,

    /// <summary>The time limit or a cancel came before any solution.</summary>
    NoSolution,

    /// <summary>The backend failed or is unavailable; the message says why.</summary>
    Error,
}
