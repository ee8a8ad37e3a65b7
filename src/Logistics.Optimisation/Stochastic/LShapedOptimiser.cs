using System.Collections.Immutable;

using Google.OrTools.LinearSolver;

using Logistics.Network.Model;
using Logistics.Optimisation.Model;

namespace Logistics.Optimisation.Stochastic;

/// <summary>
/// The two-stage plan by a multi-cut L-shaped (Benders) decomposition (Van Slyke and Wets 1969; Birge and Louveaux 1988):
/// a small SCIP master over the build variables and one θ_s per draw, and each draw's flow model as a GLOP linear
/// programme with the builds fixed at the master's choice. θ_s stands for the draw's whole cost (its capex included),
/// so the cut from a solved draw is θ_s ≥ F_s(ŷ) + Σ d_i (y_i − ŷ_i) with d_i the reduced cost of build[i], which already
/// counts the build's own objective coefficient. The answer is the extensive form's within the relative gap; each
/// draw's model is built once and only the build bounds change between iterations.
/// </summary>
/// <remarks>
/// Builds enter the flow model only as added capacity (a negative coefficient in a ≤ capacity row) or in rows over
/// builds alone (requires, excludes, budget), which the master holds too. So a draw that cannot ship its cargo under ŷ
/// cannot under any subset of ŷ either, and the feasibility cut is "build at least one option ŷ leaves out"
/// (Σ_{i: ŷ_i = 0} y_i ≥ 1): a combinatorial cut, valid because of that monotonicity, with no need for a Farkas ray.
/// </remarks>
public static class LShapedOptimiser
{
    /// <summary>Iterations after which the method stops, not proven optimal, if the bounds have not met.</summary>
    public const int MaxIterations = 500;

    public static TwoStageSolution Solve(IReadOnlyList<NetworkSnapshot> draws, SolverSettings settings, double cvarAlpha = 0.9, double cvarWeight = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draws);
        ArgumentNullException.ThrowIfNull(settings);
        TwoStageOptimiser.Validate(draws, cvarAlpha);
        var started = TimeProvider.System.GetTimestamp();
        var deadline = settings.TimeLimit;
        var gap = settings.RelativeGap ?? SolverSettings.DefaultRelativeGap;
        var n = draws.Count;
        var probability = 1.0 / n;
        var options = draws[0].Options;

        var subproblems = new Subproblem[n];
        try
        {
            Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Threads) },
                k => subproblems[k] = Subproblem.Create(draws[k]));

            using var master = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools could not create the SCIP solver.");
            var objective = master.Objective();
            objective.SetMinimization();
            var y = new Variable[options.Length];
            for (var i = 0; i < options.Length; i++)
            {
                var (low, high) = Bounds(options[i]);
                y[i] = master.MakeIntVar(low, high, $"build[{options[i].Id}]");
            }

            AddFirstStageRows(master, draws, y);

            // A valid floor for every θ_s: the draw's optimum with the builds relaxed to [0, 1] (no set of builds does better).
            var floors = new Outcome[n];
            Evaluate(subproblems, floors, null, settings);
            if (Array.FindIndex(floors, f => f.Error) is var broken and >= 0)
                return Failed(SolveStatus.Error, $"GLOP stopped abnormally on draw {broken + 1}.", master, subproblems, started, 0, 0, 0);
            if (Array.FindIndex(floors, f => !f.Solved) is var bad and >= 0)
            {
                return Failed(SolveStatus.Infeasible, $"Infeasible: draw {bad + 1} cannot ship its cargo whatever is built.", master, subproblems, started, 0, 0, 0);
            }

            var theta = new Variable[n];
            for (var k = 0; k < n; k++)
            {
                theta[k] = master.MakeNumVar(floors[k].Cost, double.PositiveInfinity, $"theta[{k}]");
                objective.SetCoefficient(theta[k], probability);
            }

            if (cvarWeight > 0)
            {
                var eta = master.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, "cvarThreshold");
                objective.SetCoefficient(eta, cvarWeight);
                for (var k = 0; k < n; k++)
                {
                    var u = master.MakeNumVar(0, double.PositiveInfinity, $"cvarExcess[{k}]");
                    objective.SetCoefficient(u, cvarWeight * probability / (1 - cvarAlpha));
                    var row = master.MakeConstraint(0, double.PositiveInfinity, $"cvar[{k}]");
                    row.SetCoefficient(u, 1);
                    row.SetCoefficient(eta, 1);
                    row.SetCoefficient(theta[k], -1);
                }
            }

            // The master is small (a handful of binaries): solve it to optimality so its bound is the true lower bound.
            using var parameters = new MPSolverParameters();
            parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, Math.Min(gap, 1e-9));
            master.SetNumThreads(1);

            var upper = double.PositiveInfinity;
            var lowerBound = double.NegativeInfinity;
            bool[]? best = null;
            double[]? bestCosts = null;
            int iterations = 0, optimalityCuts = 0, feasibilityCuts = 0;
            var outcomes = new Outcome[n];
            var status = SolveStatus.Feasible;
            var message = $"Stopped after {MaxIterations} iterations before the bounds met.";
            // The loop ends proven in one way only: the bounds met, or the master has no other builds to offer (why, in
            // `exhausted`), which is infeasible when no builds were ever evaluated and optimal otherwise.
            var proven = false;
            string? exhausted = null;
            while (iterations < MaxIterations)
            {
                if (cancellationToken.IsCancellationRequested || (deadline is { } limit && TimeProvider.System.GetElapsedTime(started) > limit))
                {
                    message = "Stopped by the time limit or cancel before the bounds met.";
                    break;
                }

                iterations++;
                if (deadline is { } l)
                    master.SetTimeLimit((long)Math.Max(1, (l - TimeProvider.System.GetElapsedTime(started)).TotalMilliseconds));
                Solver.ResultStatus masterStatus;
                using (cancellationToken.Register(() => master.InterruptSolve()))
                    masterStatus = master.Solve(parameters);
                if (masterStatus == Solver.ResultStatus.INFEASIBLE)
                {
                    exhausted = "a draw may be infeasible whatever is built";
                    break;
                }

                if (masterStatus != Solver.ResultStatus.OPTIMAL)
                {
                    message = "Stopped by the time limit or cancel before the bounds met.";
                    break;
                }

                lowerBound = Math.Max(lowerBound, objective.BestBound());
                proven = Converged(upper, lowerBound, gap);
                if (proven)
                    break;

                var chosen = y.Select(v => v.SolutionValue() > 0.5).ToArray();
                Evaluate(subproblems, outcomes, chosen, settings);
                if (Array.FindIndex(outcomes, o => o.Error) is var abnormal and >= 0)
                    return Failed(SolveStatus.Error, $"GLOP stopped abnormally on draw {abnormal + 1}.", master, subproblems, started, iterations, optimalityCuts, feasibilityCuts);
                if (outcomes.Any(o => !o.Solved))
                {
                    // Monotone in the builds (remarks): some option left out must be built.
                    var row = master.MakeConstraint(1, double.PositiveInfinity, $"feasibility[{feasibilityCuts}]");
                    var any = false;
                    for (var i = 0; i < y.Length; i++)
                    {
                        if (!chosen[i] && y[i].Ub() > 0.5)
                        {
                            row.SetCoefficient(y[i], 1);
                            any = true;
                        }
                    }

                    feasibilityCuts++;
                    if (!any)
                    {
                        exhausted = "a draw is infeasible even with every option built";
                        break;
                    }

                    continue;
                }

                var costs = outcomes.Select(o => o.Cost).ToArray();
                var value = costs.Average() + (cvarWeight > 0 ? cvarWeight * TwoStageOptimiser.CvarOf(costs, cvarAlpha) : 0);
                if (value < upper)
                {
                    upper = value;
                    best = chosen;
                    bestCosts = costs;
                }

                for (var k = 0; k < n; k++)
                {
                    // A cut the master already satisfies at ŷ adds nothing.
                    if (theta[k].SolutionValue() >= costs[k] - (gap * Math.Max(1, Math.Abs(costs[k]))))
                        continue;
                    var cut = master.MakeConstraint(costs[k] - outcomes[k].Gradient.Select((d, i) => d * (chosen[i] ? 1 : 0)).Sum(), double.PositiveInfinity, $"optimality[{k}][{iterations}]");
                    cut.SetCoefficient(theta[k], 1);
                    for (var i = 0; i < y.Length; i++)
                        cut.SetCoefficient(y[i], -outcomes[k].Gradient[i]);
                    optimalityCuts++;
                }

                proven = Converged(upper, lowerBound, gap);
                if (proven)
                    break;
            }

            if (exhausted is not null && best is null)
            {
                return Failed(SolveStatus.Infeasible, $"Infeasible: no one set of builds lets every draw ship its cargo ({exhausted}).",
                    master, subproblems, started, iterations, optimalityCuts, feasibilityCuts);
            }

            if (proven || exhausted is not null)
            {
                status = SolveStatus.Optimal;
                message = "Optimal.";
            }

            var elapsed = TimeProvider.System.GetElapsedTime(started);
            var (variables, constraints) = Size(master, subproblems);
            if (best is null)
            {
                return Failed(SolveStatus.NoSolution, "No solution before the time limit or cancel.", master, subproblems, started, iterations, optimalityCuts, feasibilityCuts);
            }

            var built = options.Where((o, i) => best[i]).Select(o => o.Id).Order().ToImmutableArray();
            var drawCosts = bestCosts!.ToImmutableArray();
            return new TwoStageSolution(status, message, built, upper, Math.Min(upper, lowerBound), drawCosts.Average(),
                cvarWeight > 0 ? TwoStageOptimiser.CvarOf(drawCosts, cvarAlpha) : null, drawCosts, variables, constraints, elapsed)
            {
                Method = TwoStageMethod.LShaped,
                Iterations = iterations,
                OptimalityCuts = optimalityCuts,
                FeasibilityCuts = feasibilityCuts,
            };
        }
        finally
        {
            foreach (var subproblem in subproblems)
                subproblem?.Dispose();
        }
    }

    private static bool Converged(double upper, double lower, double gap) =>
        !double.IsInfinity(upper) && upper - lower <= gap * Math.Max(1, Math.Abs(upper));

    private static (double Lower, double Upper) Bounds(InvestmentOption option) => option.Decision switch
    {
        BuildDecision.ForcedIn => (1.0, 1.0),
        BuildDecision.ForcedOut => (0.0, 0.0),
        _ => (0.0, 1.0),
    };

    /// <summary>The rows over builds alone, as the flow model has them (requires, excludes, and each draw's budget, its capex being drawn).</summary>
    private static void AddFirstStageRows(Solver master, IReadOnlyList<NetworkSnapshot> draws, Variable[] y)
    {
        var options = draws[0].Options;
        var index = options.Select((o, i) => (o.Id, i)).ToDictionary(p => p.Id, p => p.i);
        foreach (var option in options)
        {
            if (option.Requires.IsDefault)
                continue;
            foreach (var required in option.Requires.Distinct().Where(index.ContainsKey).OrderBy(r => r))
            {
                var row = master.MakeConstraint(double.NegativeInfinity, 0, $"requires[{option.Id}][{required}]");
                row.SetCoefficient(y[index[option.Id]], 1);
                row.SetCoefficient(y[index[required]], -1);
            }
        }

        // Each pair once, whichever side declares it (as ModelBuilder's excludes family does).
        var pairs = new SortedSet<(OptionId A, OptionId B)>(Comparer<(OptionId A, OptionId B)>.Create(
            (p, q) => p.A.CompareTo(q.A) != 0 ? p.A.CompareTo(q.A) : p.B.CompareTo(q.B)));
        foreach (var option in options.Where(o => !o.Excludes.IsDefault))
        {
            foreach (var other in option.Excludes.Where(o => o != option.Id && index.ContainsKey(o)))
                pairs.Add(option.Id.CompareTo(other) < 0 ? (option.Id, other) : (other, option.Id));
        }

        foreach (var (a, b) in pairs)
        {
            var row = master.MakeConstraint(double.NegativeInfinity, 1, $"excludes[{a}][{b}]");
            row.SetCoefficient(y[index[a]], 1);
            row.SetCoefficient(y[index[b]], 1);
        }

        for (var k = 0; k < draws.Count; k++)
        {
            if (draws[k].Metadata.CapexBudgetUsd is not { } budget || options.Length == 0)
                continue;
            var row = master.MakeConstraint(double.NegativeInfinity, budget, $"capexBudget[{k}]");
            for (var i = 0; i < options.Length; i++)
                row.SetCoefficient(y[i], draws[k].Options[i].CapexUsd);
        }
    }

    /// <summary>Solves every draw with the builds fixed at <paramref name="chosen"/> (or relaxed to their bounds when null).</summary>
    private static void Evaluate(Subproblem[] subproblems, Outcome[] outcomes, bool[]? chosen, SolverSettings settings) =>
        Parallel.For(0, subproblems.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Threads) },
            k => outcomes[k] = subproblems[k].Solve(chosen));

    private static (int Variables, int Constraints) Size(Solver master, Subproblem[] subproblems) =>
        (master.NumVariables() + subproblems.Sum(s => s.Variables), master.NumConstraints() + subproblems.Sum(s => s.Constraints));

    private static TwoStageSolution Failed(SolveStatus status, string message, Solver master, Subproblem[] subproblems, long started, int iterations, int optimalityCuts, int feasibilityCuts)
    {
        var (variables, constraints) = Size(master, subproblems);
        return new TwoStageSolution(status, message, [], null, null, null, null, [], variables, constraints, TimeProvider.System.GetElapsedTime(started))
        {
            Method = TwoStageMethod.LShaped,
            Iterations = iterations,
            OptimalityCuts = optimalityCuts,
            FeasibilityCuts = feasibilityCuts,
        };
    }

    /// <summary>A draw's cost under the builds and its subgradient in the builds; not solved when the draw cannot ship.</summary>
    private readonly record struct Outcome(bool Solved, double Cost, double[] Gradient, bool Error = false);

    /// <summary>One draw's flow model on a GLOP solver of its own, built once; iterations change only the build bounds.</summary>
    private sealed class Subproblem : IDisposable
    {
        private readonly Solver _solver;
        private readonly Variable[] _build;
        private readonly (double Lower, double Upper)[] _bounds;

        private Subproblem(Solver solver, Variable[] build, (double Lower, double Upper)[] bounds)
        {
            _solver = solver;
            _build = build;
            _bounds = bounds;
        }

        public int Variables => _solver.NumVariables();

        public int Constraints => _solver.NumConstraints();

        public static Subproblem Create(NetworkSnapshot network)
        {
            var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools could not create the GLOP solver.");
            var model = ModelBuilder.Build(network, solver, integerBuilds: false, ModelOptions.Default);
            var build = network.Options.Select(o => model.Build[o.Id]).ToArray();
            return new Subproblem(solver, build, [.. network.Options.Select(Bounds)]);
        }

        public Outcome Solve(bool[]? chosen)
        {
            for (var i = 0; i < _build.Length; i++)
            {
                var (lower, upper) = chosen is null ? _bounds[i] : chosen[i] ? (1.0, 1.0) : (0.0, 0.0);
                _build[i].SetBounds(lower, upper);
            }

            var status = _solver.Solve();
            if (status == Solver.ResultStatus.INFEASIBLE)
                return new Outcome(false, double.NaN, []);
            if (status != Solver.ResultStatus.OPTIMAL)
                return new Outcome(false, double.NaN, [], Error: true);
            return new Outcome(true, _solver.Objective().Value(), [.. _build.Select(v => v.ReducedCost())]);
        }

        public void Dispose() => _solver.Dispose();
    }
}
