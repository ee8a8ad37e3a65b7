using Logistics.Network.Model;
using Logistics.Optimisation.Model;
using Logistics.Optimisation.Solving;

namespace Logistics.Optimisation.Tests;

/// <summary>Markets of a commodity share one flow layer unless an avoid-through rule names them (docs/model.md, "Flow layers").</summary>
public sealed class FlowLayerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(11)]
    [InlineData(13)]
    public void Sharing_a_layer_among_markets_gives_the_same_optimum_and_deliveries_as_a_layer_per_market(int seed)
    {
        var network = RandomNetworks.Create(seed, withOptions: true);
        var shared = new NetworkOptimiser().Solve(network, SolverSettings.Default, ModelOptions.Default);
        var split = new NetworkOptimiser().Solve(network, SolverSettings.Default, new ModelOptions(AggregateClasses: false));

        Assert.Equal(SolveStatus.Optimal, split.Status);
        Assert.Equal(SolveStatus.Optimal, shared.Status);
        var scale = 1e-6 * Math.Max(1, Math.Abs(split.Objective!.Value));
        Assert.Equal(split.Objective.Value, shared.Objective!.Value, scale);
        Assert.True(shared.Solver.Variables <= split.Solver.Variables);
        foreach (var delivery in shared.Deliveries)
        {
            // Routes of the shared layer are assigned to the market they end at, and add up to what it receives.
            var routed = shared.Routes.Where(r => r.Commodity == delivery.Commodity && r.Market == delivery.Market).Sum(r => r.TonnesPerYear);
            Assert.Equal(delivery.TonnesPerYear, routed, 1e-6 * Math.Max(1, delivery.TonnesPerYear));
        }
    }

    [Fact]
    public void Two_markets_of_one_commodity_share_a_layer_named_by_the_commodity()
    {
        var network = TwoMarkets().Build();
        using var solver = Google.OrTools.LinearSolver.Solver.CreateSolver("SCIP");
        var model = ModelBuilder.Build(network, solver, integerBuilds: true);

        Assert.Single(model.Layers);
        foreach (var name in new[] { "flow[ore][a:fwd]", "inject[ore][m:rail]", "absorb[ore>k1][k1:rail]", "absorb[ore>k2][k2:rail]", "delivered[ore>k1]", "delivered[ore>k2]" })
            Assert.True(solver.LookupVariableOrNull(name) is not null, name);
        Assert.Null(solver.LookupVariableOrNull("flow[ore>k1][a:fwd]"));
        Assert.True(solver.LookupConstraintOrNull("conserve[ore][j:rail]") is not null);
    }

    [Fact]
    public void A_market_an_avoid_through_rule_names_keeps_a_layer_of_its_own_and_the_rule_binds_only_its_cargo()
    {
        // k1's cargo may not pass link a; k2's may. The detour b costs more, so only k1's tonnes take it.
        var network = TwoMarkets().AvoidThrough("no-a-for-k1", ["k1"], links: ["a"]).Build();
        using var solver = Google.OrTools.LinearSolver.Solver.CreateSolver("SCIP");
        var model = ModelBuilder.Build(network, solver, integerBuilds: true);
        Assert.Equal(["ore>k2", "ore>k1"], model.Layers.Select(l => l.Key));
        Assert.True(solver.LookupConstraintOrNull("avoidThrough[no-a-for-k1][ore>k1]") is not null);

        var result = new NetworkOptimiser().Solve(network, SolverSettings.Default);
        Assert.Equal(SolveStatus.Optimal, result.Status);
        var route = Assert.Single(result.Routes, r => r.Market == new NodeId("k1"));
        Assert.Equal(["b", "c1"], route.Links.Select(l => l.Link.Value));
        Assert.Equal(40, route.TonnesPerYear, 1e-9);
        var other = Assert.Single(result.Routes, r => r.Market == new NodeId("k2"));
        Assert.Equal(["a", "c2"], other.Links.Select(l => l.Link.Value));
    }

    /// <summary>Mine m (100 t) → j by a (1/t) or b (5/t), then j → k1 (max 40 t) and j → k2.</summary>
    private static TestNetwork TwoMarkets() => TestNetwork.Create()
        .Mine("m", "ore", 100).Junction("j").Market("k1", "ore", min: 40, max: 40).Market("k2", "ore")
        .Link("a", "m", "j", perTonne: 1).Link("b", "m", "j", perTonne: 5).Link("c1", "j", "k1", perTonne: 1).Link("c2", "j", "k2", perTonne: 2);
}
