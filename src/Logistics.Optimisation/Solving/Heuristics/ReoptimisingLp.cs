using Google.OrTools.LinearSolver;

namespace Logistics.Optimisation.Solving.Heuristics;

/// <summary>
/// A GLOP solver set up for re-solving: dual simplex, which restarts from the last basis when rows are added (cuts) or
/// bounds change (a new build plan): both leave the old basis dual feasible, so the dual simplex needs few pivots where
/// the primal would start over.
/// </summary>
internal static class ReoptimisingLp
{
    public static Solver Create()
    {
        var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools could not create GLOP.");
        if (!solver.SetSolverSpecificParametersAsString("use_dual_simplex: true"))
            throw new InvalidOperationException("GLOP rejected the dual simplex parameter.");
        return solver;
    }
}
