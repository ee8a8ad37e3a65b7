using Logistics.Network.Model;

namespace Logistics.Optimisation.Tests;

/// <summary>Small networks whose optimum is worked out by hand in each test (discount rate 0 unless stated).</summary>
public sealed class HandSolvedNetworkTests
{
    [Fact]
    public void Supply_ships_on_the_cheapest_path_to_the_market()
    {
        // Direct road 10/t; via junction by rail 3 + 4 = 7/t. 100 t × 7 = 700.
        var network = TestNetwork.Create()
            .Mine("m", "ore", 100).Junction("j").Market("k", "ore")
            .Link("road", "m", "k", TransportMode.Road, perTonne: 10)
            .Link("r1", "m", "j", perTonne: 3).Link("r2", "j", "k", perTonne: 4)
            .Build();
        var result = Solve.Optimal(network);
        Assert.Equal(700, result.Objective!.Value, 6);
        Assert.Equal(100, Solve.Tonnes(result, "r2"), 6);
        Assert.Equal(0, Solve.Tonnes(result, "road"));
        var route = Assert.Single(result.Routes);
        Assert.Equal(["m", "j", "k"], route.Nodes.Select(n => n.Value));
        Assert.Equal(7, route.PerTonneCost.Total, 9);
        Assert.Equal(100, Assert.Single(result.Deliveries).TonnesPerYear, 6);
    }

    [Fact]
    public void A_per_tonne_km_tariff_is_charged_on_the_length()
    {
        // 0.02 USD/t-km × 500 km + 1 USD/t = 11 USD/t; 50 t → 550.
        var network = TestNetwork.Create().Mine("m", "ore", 50).Market("k", "ore")
            .Link("l", "m", "k", perTonne: 1, km: 500, perTkm: 0.02).Build();
        Assert.Equal(550, Solve.Optimal(network).Objective!.Value, 6);
    }

    [Fact]
    public void A_binding_link_capacity_sends_the_rest_the_dearer_way()
    {
        // Cheap link 5/t holds 60 t; the other 40 t pay 9/t: 300 + 360 = 660.
        var network = TestNetwork.Create().Mine("m", "ore", 100).Market("k", "ore")
            .Link("cheap", "m", "k", perTonne: 5, capacity: 60)
            .Link("dear", "m", "k", TransportMode.Road, perTonne: 9)
            .Build();
        var result = Solve.Optimal(network);
        Assert.Equal(660, result.Objective!.Value, 6);
        var bottleneck = Assert.Single(result.Bottlenecks);
        Assert.Equal("cheap", bottleneck.ElementId);
        Assert.Equal(LinkTravel.Forward, bottleneck.Direction);
        Assert.Equal(1, bottleneck.Utilisation, 9);
    }

    private static NetworkSnapshot Crossing(bool shared) =>
        // Mine a (50 t) sells at market kb beside b, mine b (50 t) at market ka beside a; the a–b line costs 1/t
        // and holds 60 t; a backstop road from each mine costs 10/t.
        TestNetwork.Create()
            .Mine("a", "ore", 50).Mine("b", "ore2", 50)
            .Market("ka", "ore2").Market("kb", "ore")
            .Link("line", "a", "b", perTonne: 1, capacity: 60, bothWays: true, shared: shared)
            .Link("a-ka", "a", "ka", perTonne: 0).Link("b-kb", "b", "kb", perTonne: 0)
            .Link("road-a", "a", "kb", TransportMode.Road, perTonne: 10).Link("road-b", "b", "ka", TransportMode.Road, perTonne: 10)
            .Build();

    [Fact]
    public void Per_direction_capacity_lets_both_directions_use_it_in_full()
    {
        // 50 t each way ≤ 60 per direction: 100 t × 1 = 100.
        var result = Solve.Optimal(Crossing(shared: false));
        Assert.Equal(100, result.Objective!.Value, 6);
        Assert.Equal(50, Solve.Tonnes(result, "line", LinkTravel.Forward), 6);
        Assert.Equal(50, Solve.Tonnes(result, "line", LinkTravel.Reverse), 6);
    }

    [Fact]
    public void A_shared_single_track_pools_both_directions()
    {
        // Only 60 t in total on the single track: 60 × 1 + 40 × 10 = 460; the shared pool is the bottleneck.
        var result = Solve.Optimal(Crossing(shared: true));
        Assert.Equal(460, result.Objective!.Value, 6);
        Assert.Equal(60, Solve.Tonnes(result, "line", LinkTravel.Forward) + Solve.Tonnes(result, "line", LinkTravel.Reverse), 6);
        var bottleneck = Assert.Single(result.Bottlenecks);
        Assert.Null(bottleneck.Direction);
    }

    [Fact]
    public void A_binding_port_capacity_moves_cargo_to_the_dearer_port()
    {
        // p1: rail 1 + handling 2 + sea 10 = 13/t, holds 70 t; p2: 1 + 5 + 10 = 16/t. 70 × 13 + 30 × 16 = 910 + 480 = 1390.
        var network = TestNetwork.Create()
            .Mine("m", "ore", 100).Port("p1", capacity: 70, handling: 2).Port("p2", handling: 5).Market("k", "ore")
            .Link("m-p1", "m", "p1", perTonne: 1).Link("m-p2", "m", "p2", perTonne: 1)
            .Link("p1-k", "p1", "k", TransportMode.Sea, perTonne: 10).Link("p2-k", "p2", "k", TransportMode.Sea, perTonne: 10)
            .Build();
        var result = Solve.Optimal(network);
        Assert.Equal(1390, result.Objective!.Value, 6);
        Assert.Equal(70, result.PortFlows.Single(p => p.Port.Value == "p1").ThroughputTpy, 6);
        Assert.Equal(70 * 2 + 30 * 5, result.Costs.Category(CostCategory.PortHandling), 6);
        Assert.Contains(result.Bottlenecks, b => b.Kind == BottleneckKind.Port && b.ElementId == "p1");
        Assert.All(result.Routes, r => Assert.NotNull(r.Port));
    }

    private static NetworkSnapshot NewRail(double capex) =>
        // Existing road 20/t; an option builds a rail link at 5/t for its capex (lifetime 1, rate 0) + 100 O&M.
        TestNetwork.Create().Mine("m", "ore", 100).Market("k", "ore")
            .Link("road", "m", "k", TransportMode.Road, perTonne: 20)
            .Link("rail", "m", "k", perTonne: 5, builtBy: "new-rail")
            .Option("new-rail", capex, om: 100)
            .Build();

    [Fact]
    public void An_option_is_built_when_it_is_cheaper_than_the_road()
    {
        // Build: 500 + 100 + 100 × 5 = 1100 < road 100 × 20 = 2000.
        var result = Solve.Optimal(NewRail(500));
        Assert.Equal(1100, result.Objective!.Value, 6);
        Assert.True(Solve.Built(result, "new-rail"));
        Assert.Equal(500, result.Costs.Category(CostCategory.AnnualisedCapex), 6);
        Assert.Equal(100, result.Costs.Category(CostCategory.FixedOm), 6);
        Assert.Equal(600, result.Costs.Bucket(CostBreakdown.SharedBucket), 6);
        // Capex and O&M (600) spread over the 100 t that use the new rail: 6/t on top of the 5/t tariff.
        var route = Assert.Single(result.Routes);
        Assert.Equal(6, route.PerTonneCost.CapexShare, 9);
        Assert.Equal(11, route.PerTonneCost.Total, 9);
    }

    [Fact]
    public void An_option_is_not_built_when_the_road_is_cheaper()
    {
        // Build: 1500 + 100 + 500 = 2100 > road 2000.
        var result = Solve.Optimal(NewRail(1500));
        Assert.Equal(2000, result.Objective!.Value, 6);
        Assert.False(Solve.Built(result, "new-rail"));
        Assert.Equal(0, Solve.Tonnes(result, "rail"));
    }

    [Fact]
    public void A_forced_option_is_built_and_charged_even_when_it_does_not_pay()
    {
        // Forced in: 1500 + 100 + 500 = 2100, solved as a pure LP (GLOP) since nothing is left to decide.
        var network = NewRail(1500).WithDecision(new OptionId("new-rail"), BuildDecision.ForcedIn);
        var result = Solve.Optimal(network);
        Assert.Equal(2100, result.Objective!.Value, 6);
        Assert.Equal(SolverBackend.Glop, result.Solver.Backend);
        Assert.False(result.Solver.IsMip);
    }

    [Fact]
    public void An_option_that_requires_another_brings_it_along()
    {
        // new-rail (500 + 100 O&M) requires signalling (300): 500 + 100 + 300 + 500 = 1400 < 2000: both built.
        var network = TestNetwork.Create().Mine("m", "ore", 100).Market("k", "ore")
            .Link("road", "m", "k", TransportMode.Road, perTonne: 20)
            .Link("rail", "m", "k", perTonne: 5, builtBy: "new-rail")
            .Option("new-rail", 500, om: 100, requires: ["signalling"])
            .Option("signalling", 300)
            .Build();
        var result = Solve.Optimal(network);
        Assert.Equal(1400, result.Objective!.Value, 6);
        Assert.True(Solve.Built(result, "signalling"));
    }

    private static TestNetwork TwoTracks() =>
        // Two free-running 50 t tracks, each built for 100; the road costs 20/t for 100 t.
        TestNetwork.Create().Mine("m", "ore", 100).Market("k", "ore")
            .Link("road", "m", "k", TransportMode.Road, perTonne: 20)
            .Link("t1", "m", "k", capacity: 50, builtBy: "a")
            .Link("t2", "m", "k", capacity: 50, builtBy: "b");

    [Fact]
    public void Without_exclusion_both_tracks_are_built()
    {
        // 100 + 100 = 200.
        var result = Solve.Optimal(TwoTracks().Option("a", 100).Option("b", 100).Build());
        Assert.Equal(200, result.Objective!.Value, 6);
    }

    [Fact]
    public void Excluded_options_are_never_built_together()
    {
        // One track (100) carries 50 t; the other 50 t go by road: 100 + 50 × 20 = 1100.
        var result = Solve.Optimal(TwoTracks().Option("a", 100, excludes: ["b"]).Option("b", 100).Build());
        Assert.Equal(1100, result.Objective!.Value, 6);
        Assert.Single(result.Builds, b => b.Built);
    }

    [Fact]
    public void A_binding_capex_budget_stops_the_second_build()
    {
        // Budget 150 allows one 100 build: 100 + 50 × 20 = 1100.
        var result = Solve.Optimal(TwoTracks().Option("a", 100).Option("b", 100).Budget(150).Build());
        Assert.Equal(1100, result.Objective!.Value, 6);
    }

    [Fact]
    public void A_capacity_increment_counts_only_when_its_option_is_built()
    {
        // Rail 5/t holds 60; doubling it (+40) costs 100. Without: 60 × 5 + 40 × 20 = 1100; with: 100 + 500 = 600.
        var network = TestNetwork.Create().Mine("m", "ore", 100).Market("k", "ore")
            .Link("road", "m", "k", TransportMode.Road, perTonne: 20)
            .Link("rail", "m", "k", perTonne: 5, capacity: 60)
            .Option("double", 100, addToLink: "rail", added: 40)
            .Build();
        var result = Solve.Optimal(network);
        Assert.Equal(600, result.Objective!.Value, 6);
        Assert.Equal(100, result.LinkFlows.Single(f => f.Link.Value == "rail").CapacityTpy);
        var forcedOut = Solve.Optimal(network.WithDecision(new OptionId("double"), BuildDecision.ForcedOut));
        Assert.Equal(1100, forcedOut.Objective!.Value, 6);
    }

    [Fact]
    public void Avoid_through_keeps_cargo_for_the_named_market_off_the_avoided_port()
    {
        // Via p1 costs 2/t, via p2 6/t. Cargo for us (40 t) must avoid p1: 40 × 6 = 240; cargo for eu (60 t) uses p1: 120.
        var network = TestNetwork.Create()
            .Mine("m", "ore", 100).Port("p1").Port("p2").Market("us", "ore", max: 40).Market("eu", "ore", max: 60)
            .Link("m-p1", "m", "p1", perTonne: 1).Link("m-p2", "m", "p2", perTonne: 3)
            .Link("p1-us", "p1", "us", TransportMode.Sea, perTonne: 1).Link("p2-us", "p2", "us", TransportMode.Sea, perTonne: 3)
            .Link("p1-eu", "p1", "eu", TransportMode.Sea, perTonne: 1)
            .AvoidThrough("us-avoid-p1", ["us"], nodes: ["p1"])
            .Build();
        var result = Solve.Optimal(network);
        Assert.Equal(360, result.Objective!.Value, 6);
        Assert.All(result.Routes.Where(r => r.Market.Value == "us"), r => Assert.DoesNotContain(new NodeId("p1"), r.Nodes));
        Assert.Equal(60, Solve.Tonnes(result, "m-p1"), 6);
    }

    [Fact]
    public void A_mode_ban_keeps_the_commodity_off_that_mode()
    {
        // Road 2/t is banned for conc; rail 5/t: 100 × 5 = 500. Ore may still use the road: 10 × 2 = 20.
        var network = TestNetwork.Create()
            .Mine("m", "conc", 100).Mine("m", "ore", 10).Market("k", "conc").Market("k", "ore")
            .Link("road", "m", "k", TransportMode.Road, perTonne: 2)
            .Link("rail", "m", "k", perTonne: 5)
            .ModeBan("no-conc-by-road", "conc", TransportMode.Road)
            .Build();
        var result = Solve.Optimal(network);
        Assert.Equal(520, result.Objective!.Value, 6);
        Assert.Equal(10, Solve.Tonnes(result, "road"), 6);
    }

    [Fact]
    public void A_link_restricted_to_one_commodity_carries_no_other()
    {
        // The pipeline (1/t) takes only slurry; ore pays 4/t by rail. 50 × 1 + 30 × 4 = 170.
        var network = TestNetwork.Create()
            .Mine("m", "slurry", 50).Mine("m", "ore", 30).Market("k", "slurry").Market("k", "ore")
            .Link("pipe", "m", "k", TransportMode.Pipeline, perTonne: 1, commodities: ["slurry"])
            .Link("rail", "m", "k", perTonne: 4)
            .Build();
        var result = Solve.Optimal(network);
        Assert.Equal(170, result.Objective!.Value, 6);
        var onPipe = Assert.Single(result.LinkFlows.Single(f => f.Link.Value == "pipe").ByCommodity);
        Assert.Equal(new CommodityTonnes(new CommodityId("slurry"), 50), onPipe);
    }

    [Fact]
    public void Transhipment_is_charged_when_cargo_changes_mode()
    {
        // Road 2 + transhipment 3 at j + rail 2 = 7/t: 700, of which 300 transhipment.
        var network = TestNetwork.Create().Mine("m", "ore", 100).Junction("j", transhipment: 3).Market("k", "ore")
            .Link("road", "m", "j", TransportMode.Road, perTonne: 2).Link("rail", "j", "k", perTonne: 2)
            .Build();
        var result = Solve.Optimal(network);
        Assert.Equal(700, result.Objective!.Value, 6);
        Assert.Equal(300, result.Costs.Category(CostCategory.Transhipment), 6);
        Assert.Equal(3, Assert.Single(result.Routes).PerTonneCost.Transhipment, 9);
    }

    [Fact]
    public void Transhipment_is_not_charged_when_cargo_stays_on_one_mode()
    {
        // Rail 3 + rail 3 through j (transhipment 3, unused) = 6/t: 600. The road–rail path would cost 2 + 3 + 2 = 7/t.
        var network = TestNetwork.Create().Mine("m", "ore", 100).Junction("j", transhipment: 3).Market("k", "ore")
            .Link("rail1", "m", "j", perTonne: 3).Link("rail2", "j", "k", perTonne: 3)
            .Link("road", "m", "j", TransportMode.Road, perTonne: 2).Link("rail3", "j", "k", perTonne: 2, commodities: ["other"])
            .Link("road2", "j", "k", TransportMode.Road, perTonne: 4)
            .Build();
        var result = Solve.Optimal(network);
        Assert.Equal(600, result.Objective!.Value, 6);
        Assert.Equal(0, result.Costs.Category(CostCategory.Transhipment));
    }

    [Fact]
    public void Capital_in_transit_makes_the_slow_cheap_route_dearer()
    {
        // Rate 10%, value 3650/t: 3650 × 0.1 × days / 365 = 1/t per day. Fast: 5 + 1 = 6/t; slow: 2 + 10 = 12/t. 100 t → 600.
        var network = TestNetwork.Create(discountRate: 0.1).Commodity("ore", 3650).Mine("m", "ore", 100).Market("k", "ore")
            .Link("fast", "m", "k", perTonne: 5, days: 1).Link("slow", "m", "k", TransportMode.Road, perTonne: 2, days: 10)
            .Build();
        var result = Solve.Optimal(network);
        Assert.Equal(600, result.Objective!.Value, 6);
        Assert.Equal(100, result.Costs.Category(CostCategory.InTransitCapital), 6);
        var route = Assert.Single(result.Routes);
        Assert.Equal(1, route.TransitDays);
        Assert.Equal(1, route.PerTonneCost.InTransitCapital, 9);
    }

    [Fact]
    public void A_risk_surcharge_can_outweigh_a_lower_tariff()
    {
        // Safe: 5/t; risky: 3 + 4 = 7/t. 100 × 5 = 500.
        var network = TestNetwork.Create().Mine("m", "ore", 100).Market("k", "ore")
            .Link("safe", "m", "k", perTonne: 5).Link("risky", "m", "k", TransportMode.Road, perTonne: 3, risk: 4)
            .Build();
        var result = Solve.Optimal(network);
        Assert.Equal(500, result.Objective!.Value, 6);
        Assert.Equal(0, result.Costs.Category(CostCategory.Risk));
    }

    [Fact]
    public void Revenue_ships_only_what_pays_and_the_rest_stays_unshipped()
    {
        // hi pays 10/t for up to 60 t, lo pays 3/t; shipping costs 4/t. Ship 60 to hi: 60 × 4 − 600 = −360; 40 t unshipped.
        var network = TestNetwork.Create().Mine("m", "ore", 100, allowUnshipped: true)
            .Market("hi", "ore", max: 60, price: 10).Market("lo", "ore", price: 3)
            .Link("m-hi", "m", "hi", perTonne: 4).Link("m-lo", "m", "lo", perTonne: 4)
            .Build();
        var result = Solve.Optimal(network);
        Assert.Equal(-360, result.Objective!.Value, 6);
        Assert.Equal(40, Assert.Single(result.Unshipped).TonnesPerYear, 6);
        Assert.Equal(-600, result.Costs.Category(CostCategory.Revenue), 6);
        Assert.Equal(600, result.Deliveries.Single(d => d.Market.Value == "hi").RevenueUsd, 6);
    }

    [Fact]
    public void Supply_that_cannot_reach_a_market_is_infeasible()
    {
        var network = TestNetwork.Create().Mine("m", "ore", 100).Market("k", "ore").Junction("j")
            .Link("l", "m", "j", perTonne: 1, capacity: 50).Link("l2", "j", "k", perTonne: 1).Build();
        var result = new NetworkOptimiser().Solve(network, SolverSettings.Default);
        Assert.Equal(SolveStatus.Infeasible, result.Status);
        Assert.Null(result.Objective);
        Assert.Empty(result.Routes);
    }

    [Fact]
    public void Capital_recovery_factor_matches_the_annuity_formula()
    {
        // 8%, 10 years: 0.08 × 1.08^10 / (1.08^10 − 1) = 0.1490295…; 25 years at 0%: 1/25.
        Assert.Equal(0.149029489, Model.CostCoefficients.CapitalRecoveryFactor(0.08, 10), 8);
        Assert.Equal(0.04, Model.CostCoefficients.CapitalRecoveryFactor(0, 25), 12);
    }
}

/// <summary>What a port charges: handling on every tonne entering it; transhipment only for land-to-land mode changes there.</summary>
public sealed class PortChargeTests
{
    [Fact]
    public void Land_to_sea_at_a_port_pays_handling_but_not_transhipment()
    {
        // Rail 1 + handling 2 + sea 10 = 13/t; the port's transhipment (3) does not apply to rail→sea. 100 t → 1300.
        var network = TestNetwork.Create().Mine("m", "ore", 100).Port("p", handling: 2, transhipment: 3).Market("k", "ore")
            .Link("rail", "m", "p", perTonne: 1).Link("sea", "p", "k", TransportMode.Sea, perTonne: 10).Build();
        var result = Solve.Optimal(network);
        Assert.Equal(1300, result.Objective!.Value, 6);
        Assert.Equal(0, result.Costs.Category(CostCategory.Transhipment));
        Assert.Equal(200, result.Costs.Category(CostCategory.PortHandling), 6);
    }

    [Fact]
    public void Road_to_rail_at_a_port_pays_handling_and_transhipment()
    {
        // Road 1 + handling 2 + transhipment 3 + rail 4 = 10/t; 100 t → 1000.
        var network = TestNetwork.Create().Mine("m", "ore", 100).Port("p", handling: 2, transhipment: 3).Market("k", "ore")
            .Link("road", "m", "p", TransportMode.Road, perTonne: 1).Link("rail", "p", "k", perTonne: 4).Build();
        var result = Solve.Optimal(network);
        Assert.Equal(1000, result.Objective!.Value, 6);
        Assert.Equal(300, result.Costs.Category(CostCategory.Transhipment), 6);
    }

    [Fact]
    public void A_both_ways_link_travelled_in_reverse_charges_the_port_it_enters()
    {
        // The link is defined p → m but both ways; cargo goes m → p (rev, 1/t), pays handling 2, then sea 10: 13/t.
        var network = TestNetwork.Create().Mine("m", "ore", 10).Port("p", capacity: 10, handling: 2).Market("k", "ore")
            .Link("line", "p", "m", perTonne: 1, bothWays: true).Link("sea", "p", "k", TransportMode.Sea, perTonne: 10).Build();
        var result = Solve.Optimal(network);
        Assert.Equal(130, result.Objective!.Value, 6);
        Assert.Equal(10, Solve.Tonnes(result, "line", LinkTravel.Reverse), 6);
        Assert.Equal(10, result.PortFlows.Single().ThroughputTpy, 6);
        Assert.Equal(["m", "p", "k"], Assert.Single(result.Routes).Nodes.Select(n => n.Value));
    }
}
