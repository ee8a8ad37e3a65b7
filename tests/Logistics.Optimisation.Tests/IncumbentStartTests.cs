using Logistics.Network.Model;
using Logistics.Optimisation.Model;
using Logistics.Optimisation.Solving;

namespace Logistics.Optimisation.Tests;

/// <summary>Under a time limit a MIP starts from a fixed-build LP's plan (docs/model.md, "Starting solution").</summary>
public sealed class IncumbentStartTests
{
    /// <summary>Starts every model, not only national-scale ones, so these small networks exercise it.</summary>
    private static readonly ModelOptions Always = ModelOptions.Default with { IncumbentStartMinVariables = 0 };

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(9)]
    public void A_solve_with_a_time_limit_reaches_the_same_optimum_as_one_without(int seed)
    {
        var network = RandomNetworks.Create(seed, withOptions: true);
        var free = new NetworkOptimiser().Solve(network, SolverSettings.Default);
        var limited = new NetworkOptimiser().Solve(network, SolverSettings.Default with { TimeLimit = TimeSpan.FromSeconds(30) }, Always);

        Assert.Equal(SolveStatus.Optimal, limited.Status);
        Assert.Equal(free.Objective!.Value, limited.Objective!.Value, 1e-6 * Math.Max(1, Math.Abs(free.Objective.Value)));
        Assert.Equal(free.Builds.Select(b => b.Built), limited.Builds.Select(b => b.Built));
    }

    [Fact]
    public void When_building_nothing_is_infeasible_the_start_builds_every_free_option()
    {
        // The market needs 50 t, and only the option's link reaches it.
        var network = TestNetwork.Create().Mine("m", "ore", 50).Market("k", "ore", min: 50)
            .Link("new", "m", "k", perTonne: 1, capacity: 100, builtBy: "line").Option("line", 1000, lifetime: 10).Build();
        using var solver = Google.OrTools.LinearSolver.Solver.CreateSolver("SCIP");
        var model = ModelBuilder.Build(network, solver, integerBuilds: true);

        Assert.True(IncumbentStart.TryHint(model, ModelOptions.Default, TimeSpan.FromSeconds(10)));
        var result = new NetworkOptimiser().Solve(network, SolverSettings.Default with { TimeLimit = TimeSpan.FromSeconds(10) }, Always);
        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.True(Assert.Single(result.Builds).Built);
    }

    [Fact]
    public void No_start_is_hinted_when_no_fixed_build_plan_is_feasible()
    {
        // 80 t must reach the market, but the option's link carries at most 50 t.
        var network = TestNetwork.Create().Mine("m", "ore", 80).Market("k", "ore", min: 80)
            .Link("new", "m", "k", perTonne: 1, capacity: 50, builtBy: "line").Option("line", 1000, lifetime: 10).Build();
        using var solver = Google.OrTools.LinearSolver.Solver.CreateSolver("SCIP");
        var model = ModelBuilder.Build(network, solver, integerBuilds: true);

        Assert.False(IncumbentStart.TryHint(model, ModelOptions.Default, TimeSpan.FromSeconds(10)));
    }
}
