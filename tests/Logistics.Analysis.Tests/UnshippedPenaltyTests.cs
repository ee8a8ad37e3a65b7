using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis.Tests;

public class UnshippedPenaltyTests
{
    private static readonly CommodityId Cheap = new("cheap");
    private static readonly CommodityId Dear = new("dear");

    /// <summary>
    /// Two mines of 100 t/yr each, one per commodity (cheap worth 100 USD/t, dear 5,000 USD/t), meet at a hub. The dear
    /// mine's road costs 5 USD/t, the cheap one's 1 USD/t. From the hub <c>main</c> (2 USD/t, 200 t/yr) or
    /// <c>spare</c> (3 USD/t, 100 t/yr) reach the port, then the market by sea. Without <c>main</c> only 100 t/yr fit,
    /// and routing alone would rather ship the cheap commodity (its road is cheaper).
    /// </summary>
    private static NetworkSnapshot TwoCommodities() =>
        Nets.Builder()
            .Add(new Commodity(Cheap, "cheap", 100)).Add(new Commodity(Dear, "dear", 5_000))
            .Add(new Node(new NodeId("cheap-mine"), "cheap-mine", NodeKind.Mine, 0, 0, 0, [new MineSupply(Cheap, 100, false)], null, []))
            .Add(new Node(new NodeId("dear-mine"), "dear-mine", NodeKind.Mine, 0, 0, 0, [new MineSupply(Dear, 100, false)], null, []))
            .Add(Nets.Junction("hub")).Add(Nets.Port("port"))
            .Add(new Node(new NodeId("market"), "market", NodeKind.Market, 0, 0, 0, [], null, [new MarketDemand(Cheap, 0, null, null), new MarketDemand(Dear, 0, null, null)]))
            .Add(Nets.Link("cheap-road", "cheap-mine", "hub", 1, mode: TransportMode.Road))
            .Add(Nets.Link("dear-road", "dear-mine", "hub", 5, mode: TransportMode.Road))
            .Add(Nets.Link("main", "hub", "port", 2, capacity: 200))
            .Add(Nets.Link("spare", "hub", "port", 3, capacity: 100))
            .Add(Nets.Link("sea", "port", "market", 0, mode: TransportMode.Sea))
            .Build();

    [Fact]
    public void A_capacity_outage_that_must_strand_one_of_two_commodities_strands_the_cheaper_valued_one()
    {
        var report = ResilienceAnalysis.Run(TwoCommodities(), Nets.Settings());
        var main = report.Outages.Single(o => o.Kind == OutageKind.Link && o.ElementId == "main");
        Assert.True(main.Operational.Penalised);
        var stranded = Assert.Single(main.Operational.Unshipped);
        Assert.Equal(Cheap, stranded.Commodity);
        Assert.Equal(100, stranded.TonnesPerYear, 6);
        Assert.Equal(100, main.Operational.UnshippedTonnes, 6);
    }

    [Fact]
    public void The_penalty_per_tonne_is_the_flat_penalty_plus_the_commodity_value()
    {
        var network = TwoCommodities();
        Assert.Equal(10_100, NetworkVariants.UnshippedPenaltyUsdPerTonne(network, Cheap, 10_000));
        Assert.Equal(15_000, NetworkVariants.UnshippedPenaltyUsdPerTonne(network, Dear, 10_000));
    }

    [Fact]
    public void Cost_without_penalty_equals_the_plan_cost_without_penalties()
    {
        var variant = NetworkVariants.WithoutLinks(TwoCommodities(), [new LinkId("main")]);
        var settings = Nets.Settings();
        var scheduler = new SolveScheduler(settings);
        Assert.Equal(SolveStatus.Infeasible, scheduler.Solve(new SolveJob(variant), CancellationToken.None).Status);
        var penalised = scheduler.Solve(new SolveJob(NetworkVariants.WithUnshippedPenalty(variant, settings.UnshippedPenaltyUsdPerTonne)), CancellationToken.None);
        Assert.True(penalised.HasSolution);
        // Only the dear commodity ships: 100 t/yr by its road (5) and the spare link (3).
        Assert.Equal(800, Outcomes.CostWithoutPenalty(penalised, variant), 6);
        Assert.Equal(800 - (100 * (10_000 + 5_000)), penalised.Objective!.Value, 6);
    }
}
