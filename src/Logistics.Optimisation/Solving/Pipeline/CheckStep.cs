using Google.OrTools.LinearSolver;

namespace Logistics.Optimisation.Solving.Pipeline;

/// <summary>Step 1: can the chosen backend take this model at all? Creates the solver, or says why not.</summary>
internal static class CheckStep
{
    /// <summary>Null when the run can go on (<see cref="SolveRun.Solver"/> then set); otherwise the error.</summary>
    public static Termination? Run(SolveRun run)
    {
        if (run.IsLpBackend && run.Undecided > 0)
            return Termination.Error($"GLOP solves linear programmes only, and {run.Undecided} option(s) are undecided. Use the scip, cbc or highs backend (or auto), or force every option in or out.");
        run.Solver = Solver.CreateSolver(run.BackendName);
        return run.Solver is null
            ? Termination.Error($"The {run.BackendName} backend is not available in this OR-Tools build ({run.OrToolsVersion}). Choose another with --solver.")
            : null;
    }
}
