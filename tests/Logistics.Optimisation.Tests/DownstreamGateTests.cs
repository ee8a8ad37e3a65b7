using Google.OrTools.LinearSolver;

using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;
using Logistics.Optimisation.Model;
using Logistics.Optimisation.Stochastic;

namespace Logistics.Optimisation.Tests;

/// <summary>The downstreamGate rows (docs/model.md, "Downstream gates") only tighten: same optimum, higher LP bound, absent where no node qualifies.</summary>
public sealed class DownstreamGateTests
{
    private static readonly SolverSettings Settings = SolverSettings.Default with { ComputePrices = false };

    /// <summary>
    /// Facility location as a planner writes it: one plant, each warehouse fed by a link its option builds (capacity
    /// well above any one customer's demand, so the aggregated capacity row is weak), unbuilt links to every customer.
    /// </summary>
    private static NetworkSnapshot FacilityLocation(double demandScale = 1)
    {
        double[] demands = [30, 20, 45, 15, 25];
        var net = TestNetwork.Create().Commodity("goods").Mine("plant", "goods", demands.Sum() * demandScale);
        for (var j = 0; j < demands.Length; j++)
            net.Market($"c{j}", "goods", min: demands[j] * demandScale, max: demands[j] * demandScale);
        for (var i = 0; i < 4; i++)
        {
            net.Junction($"w{i}").Link($"open-w{i}", "plant", $"w{i}", TransportMode.Road, capacity: 90, builtBy: $"y{i}").Option($"y{i}", 400 + (70 * i));
            for (var j = 0; j < demands.Length; j++)
                net.Link($"w{i}-c{j}", $"w{i}", $"c{j}", TransportMode.Road, perTonne: 1 + (((i * 7) + (j * 3)) % 11));
        }

        return net.Build();
    }

    private static double LpBound(NetworkSnapshot network, bool gates, out int gateRows)
    {
        using var solver = Solver.CreateSolver("GLOP")!;
        var model = ModelBuilder.Build(network, solver, integerBuilds: false, ModelOptions.Default with { DownstreamGates = gates });
        gateRows = model.RowsByFamily.GetValueOrDefault("downstreamGate");
        Assert.Equal(Solver.ResultStatus.OPTIMAL, solver.Solve());
        return solver.Objective().Value();
    }

    [Fact]
    public void On_a_facility_location_network_the_gates_leave_the_optimum_unchanged()
    {
        var network = FacilityLocation();
        var with = new NetworkOptimiser().Solve(network, Settings, ModelOptions.Default);
        var without = new NetworkOptimiser().Solve(network, Settings, ModelOptions.Default with { DownstreamGates = false });
        Assert.Equal(SolveStatus.Optimal, with.Status);
        Assert.Equal(SolveStatus.Optimal, without.Status);
        Assert.Equal(20, with.Solver.Constraints - without.Solver.Constraints); // One row per warehouse and customer.
        Assert.Equal(without.Objective!.Value, with.Objective!.Value, 1e-9 * Math.Abs(without.Objective.Value));
    }

    [Fact]
    public void On_a_facility_location_network_the_gates_raise_the_linear_relaxation_bound()
    {
        var network = FacilityLocation();
        var weak = LpBound(network, gates: false, out var none);
        var strong = LpBound(network, gates: true, out var rows);
        Assert.Equal(0, none);
        Assert.Equal(20, rows);
        Assert.True(strong > weak * 1.01, $"the gated relaxation {strong} is not above the weak one {weak}");
        // Still a relaxation: never above the integer optimum.
        var optimum = new NetworkOptimiser().Solve(network, Settings).Objective!.Value;
        Assert.True(strong <= optimum + (1e-9 * optimum), $"the gated relaxation {strong} is above the optimum {optimum}");
    }

    [Fact]
    public void A_gate_bound_is_the_customer_demand_when_that_is_below_the_warehouse_capacity()
    {
        using var solver = Solver.CreateSolver("GLOP")!;
        var model = ModelBuilder.Build(FacilityLocation(), solver, integerBuilds: false);
        var row = solver.LookupConstraintOrNull("downstreamGate[goods][w1-c2:fwd]")!;
        Assert.NotNull(row);
        Assert.Equal(-45, row.GetCoefficient(model.Build[new OptionId("y1")]));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void On_random_networks_with_options_the_gates_leave_the_optimum_unchanged(int seed)
    {
        var network = RandomNetworks.Create(seed, withOptions: true);
        var with = new NetworkOptimiser().Solve(network, Settings, ModelOptions.Default);
        var without = new NetworkOptimiser().Solve(network, Settings, ModelOptions.Default with { DownstreamGates = false });
        Assert.Equal(without.Status, with.Status);
        Assert.Equal(without.Objective!.Value, with.Objective!.Value, 1e-6 * Math.Max(1, Math.Abs(without.Objective.Value)));
    }

    [Fact]
    public void The_default_network_has_no_node_that_qualifies_so_its_model_is_unchanged()
    {
        var loaded = NetworkLoader.Load(Path.Combine(RepositoryPaths.Root, "networks", "chagai.network.json"), new LoadOptions());
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors));
        using var solver = Solver.CreateSolver("SCIP")!;
        var model = ModelBuilder.Build(loaded.Network!, solver, integerBuilds: true);
        Assert.False(model.RowsByFamily.ContainsKey("downstreamGate"));
        Assert.Empty(model.DownstreamGates);
    }

    [Fact]
    public void A_node_with_two_inbound_links_gets_no_gate()
    {
        var network = TestNetwork.Create().Commodity("goods").Mine("plant", "goods", 50).Market("c", "goods", min: 50, max: 50)
            .Junction("w").Link("open-w", "plant", "w", TransportMode.Road, capacity: 90, builtBy: "y").Option("y", 100)
            .Link("plant-w", "plant", "w", TransportMode.Road, perTonne: 5).Link("w-c", "w", "c", TransportMode.Road, perTonne: 1).Build();
        using var solver = Solver.CreateSolver("SCIP")!;
        var model = ModelBuilder.Build(network, solver, integerBuilds: true);
        Assert.Empty(model.DownstreamGates);
    }

    [Fact]
    public void A_kept_facility_location_model_refitted_to_other_demands_is_the_model_a_fresh_build_gives()
    {
        using var kept = ResolvableModel.Create(FacilityLocation(), Settings)!;
        kept.Solve(FacilityLocation());
        var variant = FacilityLocation(demandScale: 1.5);
        var result = kept.Solve(variant);

        using var fresh = Solver.CreateSolver("SCIP")!;
        ModelBuilder.Build(variant, fresh, integerBuilds: true);
        Assert.Equal(fresh.ExportModelAsLpFormat(false), kept.ExportLp());
        Assert.Equal(new NetworkOptimiser().Solve(variant, Settings).Objective!.Value, result.Objective!.Value, 1e-9 * Math.Abs(result.Objective.Value));
        Assert.Equal(0, kept.Rebuilds);
    }
}
