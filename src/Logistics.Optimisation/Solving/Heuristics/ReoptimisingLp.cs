using Google.OrTools.LinearSolver;

namespace Logistics.Optimisation.Solving.Heuristics;

/// <summary>
/// An LP solver set up for re-solving, with CLP (COIN-OR's simplex, which OR-Tools bundles): the dual simplex restarts
/// from the last basis when rows are added (cuts) or bounds change (a new build plan), both of which leave the old
/// basis dual feasible; the primal simplex restarts from it when only the objective changed (slope scaling). Presolve
/// is off, so the basis is kept. CLP rather than GLOP, by measurement (docs/model.md, "Good plans early"): on the
/// 1,000-node design instance GLOP took 6–7 s to re-solve after one option closed, where CLP took 0.01–0.02 s
/// (`Logistics.Benchmarks resolve`); the strong relaxation of c37 converged in 9 s against GLOP's 40 s, unfinished.
/// CLP cannot be interrupted: a cancel takes effect when the LP it is in ends.
/// </summary>
internal static class ReoptimisingLp
{
    public static Solver Create() => Solver.CreateSolver("CLP") ?? throw new InvalidOperationException("OR-Tools could not create CLP.");

    /// <summary>Re-solves with the dual simplex (after bounds or rows changed) or, with <paramref name="objectiveChanged"/>, the primal.</summary>
    public static Solver.ResultStatus Resolve(Solver solver, bool objectiveChanged = false)
    {
        using var parameters = new MPSolverParameters();
        parameters.SetIntegerParam(MPSolverParameters.IntegerParam.PRESOLVE, (int)MPSolverParameters.PresolveValues.PRESOLVE_OFF);
        parameters.SetIntegerParam(MPSolverParameters.IntegerParam.LP_ALGORITHM,
            (int)(objectiveChanged ? MPSolverParameters.LpAlgorithmValues.PRIMAL : MPSolverParameters.LpAlgorithmValues.DUAL));
        return solver.Solve(parameters);
    }
}
