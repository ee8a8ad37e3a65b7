using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis.Tests;

public class ResilienceAnalysisTests
{
    /// <summary>
    /// mine → hub is the only bridge; from the hub two ports (north cheaper than south) each reach the market by sea.
    /// </summary>
    private static NetworkSnapshot Bridged() =>
        Nets.Builder()
            .Add(Nets.Mine("mine", 100)).Add(Nets.Junction("hub")).Add(Nets.Port("north-port")).Add(Nets.Port("south-port")).Add(Nets.Market("market"))
            .Add(Nets.Link("bridge", "mine", "hub", 1))
            .Add(Nets.Link("north", "hub", "north-port", 2))
            .Add(Nets.Link("south", "hub", "south-port", 3))
            .Add(Nets.Link("north-sea", "north-port", "market", 0, mode: TransportMode.Sea))
            .Add(Nets.Link("south-sea", "south-port", "market", 0, mode: TransportMode.Sea))
            .Build();

    [Fact]
    public void The_single_bridge_link_ranks_first_with_every_tonne_lost()
    {
        var report = ResilienceAnalysis.Run(Bridged(), Nets.Settings());
        Assert.Equal(300, report.BaseCostUsd!.Value, 6);
        var first = report.Outages[0];
        Assert.Equal((1, OutageKind.Link, "bridge"), (first.Rank, first.Kind, first.ElementId));
        Assert.Equal(SolveStatus.Infeasible, first.Operational.Status);
        Assert.True(first.Operational.Penalised);
        Assert.Equal(100, first.Operational.UnshippedTonnes, 6);
        Assert.Equal(100, first.Strategic.UnshippedTonnes, 6);
        Assert.All(report.Outages.Skip(1), o => Assert.Equal(0, o.Operational.UnshippedTonnes));
    }

    [Fact]
    public void Losing_the_cheaper_branch_costs_the_difference_and_ranks_above_losing_the_dearer_one()
    {
        var report = ResilienceAnalysis.Run(Bridged(), Nets.Settings());
        var north = report.Outages.Single(o => o.ElementId == "north");
        var south = report.Outages.Single(o => o.ElementId == "south");
        Assert.Equal(100, north.Operational.ExtraAnnualCostUsd!.Value, 6);
        Assert.Equal(0, south.Operational.ExtraAnnualCostUsd!.Value, 6);
        Assert.True(north.Rank < south.Rank);
        var port = report.Outages.Single(o => o.Kind == OutageKind.Port && o.ElementId == "north-port");
        Assert.Equal(100, port.Strategic.ExtraAnnualCostUsd!.Value, 6);
    }

    [Fact]
    public void A_chain_of_same_mode_links_through_degree_two_nodes_is_one_corridor_in_order()
    {
        var network = Nets.Builder()
            .Add(Nets.Mine("mine", 10)).Add(Nets.Junction("a")).Add(Nets.Junction("b")).Add(Nets.Port("port")).Add(Nets.Market("market"))
            .Add(Nets.Link("l2", "a", "b", 1))
            .Add(Nets.Link("l1", "mine", "a", 1))
            .Add(Nets.Link("l3", "b", "port", 1))
            .Add(Nets.Link("road", "mine", "port", 5, mode: TransportMode.Road))
            .Add(Nets.Link("sea", "port", "market", 0, mode: TransportMode.Sea))
            .Build();
        var corridor = Assert.Single(CorridorFinder.Find(network));
        Assert.Equal("mine~port:rail", corridor.Id);
        Assert.Equal(["l1", "l2", "l3"], corridor.Links.Select(l => l.Value));

        var report = ResilienceAnalysis.Run(network, Nets.Settings());
        var outage = report.Outages.Single(o => o.Kind == OutageKind.Corridor);
        Assert.Equal(20, outage.Operational.ExtraAnnualCostUsd!.Value, 6); // 10 t × (5 − 3 × 1)
    }

    [Fact]
    public void Operationally_a_lost_only_route_strands_the_tonnes_but_strategically_an_option_replaces_it()
    {
        // The only existing route to sea is hub → p1; option "twin" (capex 50) would open hub → p2.
        var network = Nets.Builder()
            .Add(Nets.Mine("mine", 100)).Add(Nets.Junction("hub")).Add(Nets.Port("p1")).Add(Nets.Port("p2")).Add(Nets.Market("market"))
            .Add(Nets.Link("bridge", "mine", "hub", 1)).Add(Nets.Link("h1", "hub", "p1", 2))
            .Add(Nets.Link("h2", "hub", "p2", 4, builtBy: "twin"))
            .Add(Nets.Link("s1", "p1", "market", 0, mode: TransportMode.Sea)).Add(Nets.Link("s2", "p2", "market", 0, mode: TransportMode.Sea))
            .Add(Nets.Option("twin", 50))
            .Build();
        var report = ResilienceAnalysis.Run(network, Nets.Settings());
        Assert.Empty(report.BaseBuilds);
        var h1 = report.Outages.Single(o => o.ElementId == "h1");
        Assert.Equal(100, h1.Operational.UnshippedTonnes, 6);
        Assert.Equal(0, h1.Strategic.UnshippedTonnes, 6);
        Assert.Equal(["twin"], h1.Strategic.Built.Select(o => o.Value));
        Assert.Equal(50 + (100 * (4 - 2)), h1.Strategic.ExtraAnnualCostUsd!.Value, 6);
    }
}
