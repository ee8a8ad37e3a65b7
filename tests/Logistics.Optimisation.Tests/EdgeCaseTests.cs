using Logistics.Network.Model;
using Logistics.Optimisation.Solving;

namespace Logistics.Optimisation.Tests;

/// <summary>Edges of the model: nothing to ship, optional output without prices, minimums, and the reconciliation check itself.</summary>
public sealed class EdgeCaseTests
{
    [Fact]
    public void Without_prices_a_mine_that_may_leave_output_unshipped_ships_only_the_market_minimum()
    {
        // Shipping costs 4/t and earns nothing, so only the minimum of 30 t goes: 30 × 4 = 120; 70 t unshipped.
        var network = TestNetwork.Create().Mine("m", "ore", 100, allowUnshipped: true).Market("k", "ore", min: 30)
            .Link("l", "m", "k", perTonne: 4).Build();
        var result = Solve.Optimal(network);
        Assert.Equal(120, result.Objective!.Value, 6);
        Assert.Equal(70, Assert.Single(result.Unshipped).TonnesPerYear, 6);
        Assert.Equal(100, result.Unshipped[0].SupplyTpy);
    }

    [Fact]
    public void A_market_minimum_above_all_supply_is_infeasible()
    {
        var network = TestNetwork.Create().Mine("m", "ore", 100).Market("k", "ore", min: 150).Link("l", "m", "k", perTonne: 1).Build();
        Assert.Equal(SolveStatus.Infeasible, new NetworkOptimiser().Solve(network, SolverSettings.Default).Status);
    }

    [Fact]
    public void A_network_with_nothing_to_ship_costs_only_its_forced_builds()
    {
        // No demand anywhere: the forced option's 250 is the whole objective.
        var network = TestNetwork.Create().Junction("a").Junction("b").Link("l", "a", "b", builtBy: "x")
            .Option("x", 250, decision: BuildDecision.ForcedIn).Build();
        var result = Solve.Optimal(network);
        Assert.Equal(250, result.Objective!.Value, 6);
        Assert.Empty(result.Routes);
        Assert.Equal(0, Assert.Single(result.LinkFlows).TotalTpy);
    }

    [Fact]
    public void A_link_an_option_builds_with_unlimited_capacity_carries_nothing_until_built()
    {
        // The unlimited new link (1/t) is forced out: everything goes by road at 20/t = 2000.
        var network = TestNetwork.Create().Mine("m", "ore", 100).Market("k", "ore")
            .Link("road", "m", "k", TransportMode.Road, perTonne: 20).Link("rail", "m", "k", perTonne: 1, builtBy: "x")
            .Option("x", 10, decision: BuildDecision.ForcedOut).Build();
        var result = Solve.Optimal(network);
        Assert.Equal(2000, result.Objective!.Value, 6);
        Assert.Equal(0, result.LinkFlows.Single(f => f.Link.Value == "rail").CapacityTpy);
    }

    [Fact]
    public void A_cost_breakdown_that_does_not_add_up_throws_with_both_numbers()
    {
        var costs = new CostBreakdown([new CostLine(CostCategory.Transport, "ore", 100)], 100);
        CostAccountant.Reconcile(costs, 100.00001);
        var error = Assert.Throws<CostReconciliationException>(() => CostAccountant.Reconcile(costs, 101));
        Assert.Equal(101, error.SolverObjective);
        Assert.Equal(100, error.Recomputed);
        Assert.Contains("101", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_family_has_a_name_and_a_one_sentence_explanation()
    {
        Assert.Equal(18, ModelFamilies.All.Length);
        Assert.All(ModelFamilies.All, f =>
        {
            Assert.Matches("^[a-z][A-Za-z]*$", f.Name);
            Assert.EndsWith(".", f.Explanation, StringComparison.Ordinal);
            Assert.StartsWith(f.Name, f.NamePattern, StringComparison.Ordinal);
        });
        Assert.Equal(ModelFamilies.All.Length, ModelFamilies.All.Select(f => f.Name).Distinct().Count());
    }

    [Fact]
    public void Model_rows_and_columns_are_named_predictably()
    {
        // Names as the solver holds them (exporters may escape characters the LP format forbids).
        var network = TestNetwork.Create().Mine("m", "ore", 10).Junction("j", transhipment: 1).Market("k", "ore")
            .Link("a", "m", "j", TransportMode.Road, capacity: 50, bothWays: true).Link("b", "j", "k").Build();
        using var solver = Google.OrTools.LinearSolver.Solver.CreateSolver("SCIP");
        Model.ModelBuilder.Build(network, solver, integerBuilds: true);
        foreach (var name in new[] { "flow[ore>k][a:fwd]", "flow[ore>k][a:rev]", "flow[ore>k][j:road>rail]", "inject[ore>k][m:road]", "absorb[ore>k][k:rail]", "delivered[ore>k]" })
            Assert.True(solver.LookupVariableOrNull(name) is not null, name);
        foreach (var name in new[] { "conserve[ore>k][j:rail]", "linkCapacity[a:fwd]", "linkCapacity[a:rev]", "supply[m][ore]", "deliver[ore>k]" })
            Assert.True(solver.LookupConstraintOrNull(name) is not null, name);
        Assert.Equal(8, solver.NumConstraints());
    }
}
