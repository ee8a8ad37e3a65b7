using Google.OrTools.Graph;

using Logistics.Network.Model;

namespace Logistics.Optimisation.Tests;

/// <summary>Invariants on seeded random networks, and agreement with an independent solver.</summary>
public sealed class PropertyTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 25)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Flows_conserve_capacities_hold_and_the_reported_cost_is_the_recomputed_cost(int seed)
    {
        var network = RandomNetworks.Create(seed, withOptions: seed % 2 == 0);
        var result = Solve.Optimal(network);
        const double tol = 1e-5;

        // Conservation per node and commodity, from the reported link flows: in − out = delivered − supplied.
        foreach (var node in network.Nodes)
        {
            foreach (var commodity in network.Commodities)
            {
                double Sum(IEnumerable<LinkFlowResult> flows) => flows.SelectMany(f => f.ByCommodity).Where(c => c.Commodity == commodity.Id).Sum(c => c.TonnesPerYear);
                var inflow = Sum(result.LinkFlows.Where(f => f.To == node.Id));
                var outflow = Sum(result.LinkFlows.Where(f => f.From == node.Id));
                var supplied = node.Supplies.Where(s => s.Commodity == commodity.Id).Sum(s => s.TonnesPerYear)
                    - result.Unshipped.Where(u => u.Mine == node.Id && u.Commodity == commodity.Id).Sum(u => u.TonnesPerYear);
                var delivered = result.Deliveries.Where(d => d.Market == node.Id && d.Commodity == commodity.Id).Sum(d => d.TonnesPerYear);
                Assert.True(Math.Abs(inflow - outflow - (delivered - supplied)) < tol, $"seed {seed}: {node.Id}/{commodity.Id} unbalanced");
            }
        }

        // Capacities: per direction, shared pools, ports; links of unbuilt options carry nothing.
        foreach (var group in result.LinkFlows.GroupBy(f => f.Link))
        {
            var link = network.Link(group.Key);
            var shared = link.Direction == LinkDirection.BothWays && link.Sharing == CapacitySharing.SharedBothWays;
            var pools = shared ? [group.ToList()] : group.Select(f => new List<LinkFlowResult> { f }).ToList();
            foreach (var pool in pools)
            {
                if (pool[0].CapacityTpy is { } capacity)
                    Assert.True(pool.Sum(f => f.TotalTpy) <= capacity + tol, $"seed {seed}: {link.Id} over capacity");
            }
        }

        foreach (var port in result.PortFlows)
        {
            if (port.CapacityTpy is { } capacity)
                Assert.True(port.ThroughputTpy <= capacity + tol);
        }

        Assert.Equal(result.Objective!.Value, Recompute(network, result), 1e-6 * Math.Max(1, Math.Abs(result.Objective.Value)));

        // Routes carry exactly what is delivered.
        foreach (var delivery in result.Deliveries)
        {
            var routed = result.Routes.Where(r => r.Commodity == delivery.Commodity && r.Market == delivery.Market).Sum(r => r.TonnesPerYear);
            Assert.Equal(delivery.TonnesPerYear, routed, 4);
        }
    }

    /// <summary>The objective recomputed independently of the model, from the network and the reported flows and builds.</summary>
    private static double Recompute(NetworkSnapshot network, OptimisationResult result)
    {
        var rate = network.Metadata.DiscountRate;
        var total = 0.0;
        foreach (var build in result.Builds.Where(b => b.Built))
        {
            var option = network.Option(build.Id);
            var crf = rate == 0 ? 1.0 / option.LifetimeYears : rate / (1 - Math.Pow(1 + rate, -option.LifetimeYears));
            total += (option.CapexUsd * crf) + option.FixedOmUsdPerYear;
        }

        foreach (var flow in result.LinkFlows)
        {
            var link = network.Link(flow.Link);
            var target = network.Node(flow.To);
            foreach (var c in flow.ByCommodity)
            {
                var perTonne = link.TransportUsdPerTonne + link.RiskUsdPerTonne + (target.Port?.HandlingUsdPerTonne ?? 0)
                    + (network.Commodity(c.Commodity).ValueUsdPerTonne * rate * link.TransitDays / 365);
                total += c.TonnesPerYear * perTonne;
            }
        }

        // Transhipment: per route, at each node where consecutive legs change land mode.
        foreach (var route in result.Routes)
        {
            for (var i = 1; i < route.Links.Length; i++)
            {
                var node = network.Node(route.Links[i].From);
                var (a, b) = (route.Links[i - 1].Mode, route.Links[i].Mode);
                var coveredByPort = node.Kind == NodeKind.Port && (a == TransportMode.Sea || b == TransportMode.Sea);
                if (a != b && !coveredByPort)
                    total += route.TonnesPerYear * node.TranshipmentUsdPerTonne;
            }
        }

        total -= result.Deliveries.Sum(d => d.RevenueUsd);
        return total;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Single_commodity_networks_without_options_cost_what_min_cost_flow_says(int seed)
    {
        var network = RandomNetworks.Create(seed, singleCommodity: true, integerData: true);
        var ours = new NetworkOptimiser().Solve(network, SolverSettings.Default);

        // Independent model: one market absorbs everything (all markets are unbounded and free), so join them in a super-sink.
        var index = network.Nodes.Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var sink = network.Nodes.Length;
        using var flow = new MinCostFlow();
        const long unlimited = 1_000_000;
        foreach (var link in network.Links)
        {
            var capacity = link.CapacityTpy is { } c ? (long)c : unlimited;
            var cost = (long)(link.TransportUsdPerTonne + (network.Node(link.To).Port?.HandlingUsdPerTonne ?? 0));
            flow.AddArcWithCapacityAndUnitCost(index[link.From], index[link.To], capacity, cost);
            if (link.Direction == LinkDirection.BothWays)
                flow.AddArcWithCapacityAndUnitCost(index[link.To], index[link.From], capacity, (long)(link.TransportUsdPerTonne + (network.Node(link.From).Port?.HandlingUsdPerTonne ?? 0)));
        }

        long totalSupply = 0;
        foreach (var node in network.Nodes)
        {
            var supply = (long)node.Supplies.Sum(s => s.TonnesPerYear);
            totalSupply += supply;
            flow.SetNodeSupply(index[node.Id], supply);
            if (node.Kind == NodeKind.Market)
                flow.AddArcWithCapacityAndUnitCost(index[node.Id], sink, unlimited, 0);
        }

        flow.SetNodeSupply(sink, -totalSupply);
        var status = flow.Solve();
        Assert.Equal(MinCostFlowBase.Status.OPTIMAL, status);
        Assert.Equal(SolveStatus.Optimal, ours.Status);
        Assert.Equal(flow.OptimalCost(), ours.Objective!.Value, 6);
    }
}

/// <summary>The LP relaxation (build variables continuous) bounds the MIP answer from below.</summary>
public sealed class RelaxationTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 20)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_lp_relaxation_is_never_above_the_mip_optimum(int seed)
    {
        var network = RandomNetworks.Create(seed, withOptions: true);
        var mip = Solve.Optimal(network);
        using var solver = Google.OrTools.LinearSolver.Solver.CreateSolver("GLOP");
        Model.ModelBuilder.Build(network, solver, integerBuilds: false);
        Assert.Equal(Google.OrTools.LinearSolver.Solver.ResultStatus.OPTIMAL, solver.Solve());
        var relaxation = solver.Objective().Value();
        Assert.True(relaxation <= mip.Objective!.Value + (1e-6 * Math.Max(1, Math.Abs(mip.Objective.Value))), $"seed {seed}: LP {relaxation} > MIP {mip.Objective}");
    }
}
