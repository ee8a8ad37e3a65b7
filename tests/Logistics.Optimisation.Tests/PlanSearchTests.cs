using Google.OrTools.LinearSolver;

using Logistics.Network.Model;
using Logistics.Optimisation.Model;
using Logistics.Optimisation.Solving.Heuristics;

namespace Logistics.Optimisation.Tests;

/// <summary>The primal heuristics and the strong relaxation (docs/model.md, "Good plans early", "Strong linking").</summary>
public sealed class PlanSearchTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(9)]
    public void The_best_plan_found_is_feasible_priced_exactly_and_no_better_than_the_optimum(int seed)
    {
        var network = RandomNetworks.Create(seed, withOptions: true);
        var optimum = new NetworkOptimiser().Solve(network, SolverSettings.Default);
        var search = PlanSearch.Run(network, ModelOptions.Default, Budget, TimeProvider.System);

        Assert.NotNull(search.Best);
        Assert.NotNull(search.Values);
        Assert.True(search.Best.Cost >= optimum.Objective!.Value - (1e-6 * Math.Max(1, Math.Abs(optimum.Objective.Value))));

        // The same plan forced into the full solve costs what the heuristic priced it at.
        var builder = NetworkBuilder.From(network);
        var free = network.Options.Where(o => o.Decision == BuildDecision.Free).Select(o => o.Id).ToList();
        for (var i = 0; i < free.Count; i++)
            builder.SetDecision(free[i], search.Best.Open[i] ? BuildDecision.ForcedIn : BuildDecision.ForcedOut);
        var forced = new NetworkOptimiser().Solve(builder.Build(), SolverSettings.Default);
        Assert.Equal(forced.Objective!.Value, search.Best.Cost, 1e-6 * Math.Max(1, Math.Abs(forced.Objective.Value)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    public void The_strong_relaxation_bound_lies_between_the_weak_bound_and_the_optimum(int seed)
    {
        var network = RandomNetworks.Create(seed, withOptions: true);
        var optimum = new NetworkOptimiser().Solve(network, SolverSettings.Default).Objective!.Value;
        using var weakSolver = Solver.CreateSolver("GLOP");
        ModelBuilder.Build(network, weakSolver, integerBuilds: false);
        Assert.Equal(Solver.ResultStatus.OPTIMAL, weakSolver.Solve());
        using var strong = StrongRelaxation.Solve(network, ModelOptions.Default, Budget, TimeProvider.System);

        Assert.NotNull(strong);
        Assert.True(strong.Converged);
        var tolerance = 1e-6 * Math.Max(1, Math.Abs(optimum));
        Assert.InRange(strong.Bound, weakSolver.Objective().Value() - tolerance, optimum + tolerance);
    }

    [Fact]
    public void Local_search_closes_an_option_that_carries_nothing_useful()
    {
        var network = TwoParallelOptions();
        using var evaluator = new FixedBuildEvaluator(network, ModelOptions.Default, TimeProvider.System, Budget);
        var both = evaluator.Cost([true, true])!.Value;
        var start = new BuildPlan([true, true], both, "test");

        var best = BuildLocalSearch.Run(start, evaluator, [0.9, 0.1]); // The relaxation uses the cheap option most.

        Assert.Equal(new[] { true, false }, best.Open.ToArray());
        Assert.True(best.Cost < both);
    }

    [Fact]
    public void A_local_search_whose_share_is_spent_returns_its_start_without_pricing_a_move()
    {
        var network = TwoParallelOptions();
        using var evaluator = new FixedBuildEvaluator(network, ModelOptions.Default, TimeProvider.System, Budget);
        var start = new BuildPlan([true, true], evaluator.Cost([true, true])!.Value, "test");
        var priced = evaluator.Evaluations;

        var best = BuildLocalSearch.Run(start, evaluator, [0.9, 0.1], cap: TimeSpan.Zero);

        Assert.Same(start, best);
        Assert.Equal(priced, evaluator.Evaluations);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Re_solving_plan_after_plan_from_the_last_basis_prices_each_as_a_fresh_solve_does(int seed)
    {
        // CLP's dual simplex restarts from whatever the previous plan left, feasible or not; every price must still be exact.
        var network = RestrictedMipTests.DesignInstance(seed);
        using var evaluator = new FixedBuildEvaluator(network, ModelOptions.Default, TimeProvider.System, Budget);
        var random = new Random(seed);
        for (var trial = 0; trial < 12; trial++)
        {
            var open = Enumerable.Range(0, evaluator.FreeOptions.Length).Select(_ => random.NextDouble() < 0.6).ToArray();
            var cost = evaluator.Cost(open);

            using var fresh = Solver.CreateSolver("GLOP");
            var model = ModelBuilder.Build(network, fresh, integerBuilds: false);
            for (var i = 0; i < open.Length; i++)
                model.Build[evaluator.FreeOptions[i]].SetBounds(open[i] ? 1 : 0, open[i] ? 1 : 0);
            var status = fresh.Solve();
            if (status == Solver.ResultStatus.OPTIMAL)
                Assert.Equal(fresh.Objective().Value(), cost!.Value, 1e-7 * Math.Max(1, fresh.Objective().Value()));
            else
                Assert.Null(cost);
        }
    }

    [Fact]
    public void With_MIP_neighbourhoods_each_constructed_plan_gets_its_own_local_search_and_the_best_one_more_after_them()
    {
        var search = PlanSearch.Run(RestrictedMipTests.DesignInstance(1), ModelOptions.Default with { MipNeighbourhood = true }, Budget, TimeProvider.System);

        // The neighbourhoods around another local optimum run only when the two local searches ended at different plans.
        var steps = search.Outcomes.Select(o => o.Heuristic).SkipWhile(h => h != "LP rounding").Where(h => h != "MIP neighbourhood from another local optimum").ToArray();
        Assert.Equal(["LP rounding", "local search from LP rounding", "slope scaling", "local search from slope scaling", "MIP neighbourhood", "local search"], steps);
    }

    [Fact]
    public void The_best_plan_is_the_cheapest_any_step_found_and_each_local_search_ends_no_dearer_than_its_start()
    {
        var search = PlanSearch.Run(RestrictedMipTests.DesignInstance(2), ModelOptions.Default with { MipNeighbourhood = true }, Budget, TimeProvider.System);

        // Every step but the relaxation, whose cost is its bound.
        var costs = search.Outcomes.Where(o => o.Cost is not null && !o.Heuristic.StartsWith("strong relaxation", StringComparison.Ordinal))
            .GroupBy(o => o.Heuristic).ToDictionary(g => g.Key, g => g.Min(o => o.Cost!.Value));
        Assert.True(costs["local search from LP rounding"] <= costs["LP rounding"]);
        Assert.True(costs["local search from slope scaling"] <= costs["slope scaling"]);
        Assert.Equal(costs.Values.Min(), search.Best!.Cost);
    }

    /// <summary>Two parallel options; the cheap one alone carries everything, so building both is one option too many.</summary>
    private static NetworkSnapshot TwoParallelOptions() => TestNetwork.Create().Mine("m", "ore", 50).Market("k", "ore", min: 50)
            .Link("a", "m", "k", perTonne: 1, capacity: 100, builtBy: "cheap").Option("cheap", 1000, lifetime: 10)
            .Link("b", "m", "k", perTonne: 1, capacity: 100, builtBy: "dear").Option("dear", 5000, lifetime: 10).Build();
}
