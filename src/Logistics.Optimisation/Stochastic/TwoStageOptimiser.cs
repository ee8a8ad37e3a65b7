using System.Collections.Immutable;

using Google.OrTools.LinearSolver;

using Logistics.Network.Model;
using Logistics.Optimisation.Model;

namespace Logistics.Optimisation.Stochastic;

/// <summary>
/// Solves the extensive form of the two-stage stochastic plan with SCIP: builds once for every draw, flows per draw,
/// least expected cost (plus λ·CVaR_α when asked). Exact for the draws given (sample average approximation).
/// </summary>
public static class TwoStageOptimiser
{
    /// <summary>With <see cref="TwoStageMethod.Auto"/>, the most draws solved as the extensive form (docs/benchmarks.md, "Extensive form or L-shaped").</summary>
    public const int AutoExtensiveMaxDraws = 5;

    /// <summary>The method <see cref="TwoStageMethod.Auto"/> stands for with this many draws.</summary>
    public static TwoStageMethod Resolve(TwoStageMethod method, int draws) =>
        method != TwoStageMethod.Auto ? method : draws <= AutoExtensiveMaxDraws ? TwoStageMethod.Extensive : TwoStageMethod.LShaped;

    /// <summary>Solves the two-stage plan by <paramref name="method"/> (the extensive form or the L-shaped method: the same plan within the gap).</summary>
    public static TwoStageSolution Solve(IReadOnlyList<NetworkSnapshot> draws, SolverSettings settings, TwoStageMethod method, double cvarAlpha = 0.9, double cvarWeight = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draws);
        return Resolve(method, draws.Count) == TwoStageMethod.LShaped
            ? LShapedOptimiser.Solve(draws, settings, cvarAlpha, cvarWeight, cancellationToken)
            : Solve(draws, settings, cvarAlpha, cvarWeight, cancellationToken);
    }

    /// <summary>Solves the extensive form.</summary>
    public static TwoStageSolution Solve(IReadOnlyList<NetworkSnapshot> draws, SolverSettings settings, double cvarAlpha = 0.9, double cvarWeight = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draws);
        ArgumentNullException.ThrowIfNull(settings);
        Validate(draws, cvarAlpha);
        var started = TimeProvider.System.GetTimestamp();
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools could not create the SCIP solver.");
        var form = ExtensiveForm.Create(draws, solver, cvarAlpha, cvarWeight);
        if (settings.TimeLimit is { } limit)
            solver.SetTimeLimit((long)Math.Max(1, limit.TotalMilliseconds));
        solver.SetNumThreads(Math.Max(1, settings.Threads));
        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, settings.RelativeGap ?? SolverSettings.DefaultRelativeGap);
        Solver.ResultStatus status;
        using (cancellationToken.Register(() => solver.InterruptSolve()))
            status = solver.Solve(parameters);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        var (ours, message) = status switch
        {
            Solver.ResultStatus.OPTIMAL => (SolveStatus.Optimal, "Optimal."),
            Solver.ResultStatus.FEASIBLE => (SolveStatus.Feasible, "Feasible, not proven optimal (time limit or cancel)."),
            Solver.ResultStatus.INFEASIBLE => (SolveStatus.Infeasible, "Infeasible: no one set of builds lets every draw ship its cargo (a draw may be infeasible whatever is built)."),
            Solver.ResultStatus.UNBOUNDED => (SolveStatus.Unbounded, "Unbounded."),
            Solver.ResultStatus.NOT_SOLVED => (SolveStatus.NoSolution, "No solution before the time limit or cancel."),
            _ => (SolveStatus.Error, $"The solver stopped abnormally ({status})."),
        };
        if (ours is not (SolveStatus.Optimal or SolveStatus.Feasible))
            return new TwoStageSolution(ours, message, [], null, null, null, null, [], solver.NumVariables(), solver.NumConstraints(), elapsed);

        var costs = form.Costs.Select(c => c.Value()).ToImmutableArray();
        var built = form.Build.Where(b => b.Value.SolutionValue() > 0.5).Select(b => b.Key).Order().ToImmutableArray();
        var expected = costs.Average();
        double? cvar = cvarWeight > 0 ? CvarOf(costs, cvarAlpha) : null;
        return new TwoStageSolution(ours, message, built, solver.Objective().Value(), solver.Objective().BestBound(), expected, cvar, costs,
            solver.NumVariables(), solver.NumConstraints(), elapsed);
    }

    internal static void Validate(IReadOnlyList<NetworkSnapshot> draws, double cvarAlpha)
    {
        if (draws.Count == 0)
            throw new ArgumentException("A two-stage plan needs at least one draw.", nameof(draws));
        if (!(cvarAlpha > 0 && cvarAlpha < 1))
            throw new ArgumentOutOfRangeException(nameof(cvarAlpha), "CVaR's level must lie strictly between 0 and 1.");
        var options = draws[0].Options.Select(o => o.Id).ToList();
        if (draws.Any(d => !d.Options.Select(o => o.Id).SequenceEqual(options)))
            throw new ArgumentException("Every draw of a two-stage plan must have the same investment options.", nameof(draws));
    }

    /// <summary>CVaR_α of equally likely costs: min over η of η + E[(cost − η)+] / (1 − α), attained at a cost value.</summary>
    public static double CvarOf(IReadOnlyList<double> costs, double alpha)
    {
        ArgumentNullException.ThrowIfNull(costs);
        return costs.Min(eta => eta + (costs.Sum(c => Math.Max(0, c - eta)) / (costs.Count * (1 - alpha))));
    }
}
