using Logistics.Network.Model;
using Logistics.Presentation;

namespace Logistics.Optimisation.Tests;

/// <summary>Shadow prices against finite differences and hand computations.</summary>
public sealed class PriceTests
{
    private static NetworkSnapshot TwoLinks(double cheapCapacity, bool withOption) =>
        // Cheap link 5/t holds the capacity; the rest of 100 t pays 9/t on the dear road. The option (never worth it) makes the model a MIP.
        (withOption
            ? TestNetwork.Create().Option("useless", capex: 1e9, addToLink: "cheap", added: 10)
            : TestNetwork.Create())
        .Mine("m", "ore", 100).Market("k", "ore")
        .Link("cheap", "m", "k", perTonne: 5, capacity: cheapCapacity)
        .Link("dear", "m", "k", TransportMode.Road, perTonne: 9)
        .Build();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_shadow_price_of_a_binding_capacity_is_the_objective_change_per_extra_tonne(bool mip)
    {
        var baseResult = Solve.Optimal(TwoLinks(60, mip));
        var grown = Solve.Optimal(TwoLinks(60.5, mip));
        var price = Assert.Single(baseResult.Prices!.Capacities);
        Assert.Equal("cheap", price.ElementId);
        Assert.Equal(LinkTravel.Forward, price.Direction);
        var finiteDifference = (baseResult.Objective!.Value - grown.Objective!.Value) / 0.5;
        Assert.Equal(4, finiteDifference, 9);
        Assert.Equal(finiteDifference, price.ValueUsdPerTonne, 6);
        Assert.Contains("Conditional on the builds", baseResult.Prices.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_marginal_delivered_cost_includes_the_congestion_rent()
    {
        // One more tonne from m must take the dear road (9/t): the gate price and the delivered cost at k are both 9.
        var result = Solve.Optimal(TwoLinks(60, withOption: false));
        Assert.Equal(9, Assert.Single(result.Prices!.MineGates).UsdPerTonne, 6);
        var market = Assert.Single(result.Prices.Markets);
        Assert.Equal(9, market.MarginalDeliveredCostUsdPerTonne!.Value, 6);
    }

    [Fact]
    public void A_binding_market_minimum_prices_the_detour_and_matches_the_finite_difference()
    {
        // 100 t from m: market a costs 7/t, market b 12/t and needs at least 30 t. One more tonne at b costs 12 − 7 = 5
        // (taken from a); delivered there it costs 12 in all; at a 7. Objective 70 × 7 + 30 × 12 = 850.
        static NetworkSnapshot Make(double min) => TestNetwork.Create()
            .Mine("m", "ore", 100).Market("a", "ore").Market("b", "ore", min: min)
            .Link("to-a", "m", "a", perTonne: 7).Link("to-b", "m", "b", perTonne: 12)
            .Build();
        var result = Solve.Optimal(Make(30));
        Assert.Equal(850, result.Objective!.Value, 6);
        var b = result.Prices!.Markets.Single(p => p.Market.Value == "b");
        var a = result.Prices.Markets.Single(p => p.Market.Value == "a");
        var finiteDifference = Solve.Optimal(Make(31)).Objective!.Value - result.Objective.Value;
        Assert.Equal(5, finiteDifference, 9);
        Assert.Equal(finiteDifference, b.DeliveryDualUsdPerTonne, 6);
        Assert.Equal(12, b.MarginalDeliveredCostUsdPerTonne!.Value, 6);
        Assert.Equal(7, a.MarginalDeliveredCostUsdPerTonne!.Value, 6);
        Assert.Equal(7, Assert.Single(result.Prices.MineGates).UsdPerTonne, 6);
    }

    [Fact]
    public void A_binding_port_capacity_is_priced_like_the_finite_difference()
    {
        // Via the port 2 + 3 handling + 1 = 6/t, at most 40 t; the rest goes direct at 15/t. Value of port capacity: 9.
        static NetworkSnapshot Make(double capacity) => TestNetwork.Create()
            .Mine("m", "ore", 100).Port("p", capacity, handling: 3).Market("k", "ore")
            .Link("in", "m", "p", perTonne: 2).Link("out", "p", "k", TransportMode.Sea, perTonne: 1)
            .Link("direct", "m", "k", TransportMode.Road, perTonne: 15)
            .Build();
        var result = Solve.Optimal(Make(40));
        var port = Assert.Single(result.Prices!.Capacities);
        Assert.Equal(BottleneckKind.Port, port.Kind);
        var finiteDifference = result.Objective!.Value - Solve.Optimal(Make(41)).Objective!.Value;
        Assert.Equal(9, finiteDifference, 9);
        Assert.Equal(finiteDifference, port.ValueUsdPerTonne, 6);
    }

    [Fact]
    public void Prices_of_a_mip_answer_are_taken_with_the_builds_fixed()
    {
        // The option (capacity +50 on the cheap link for 100/yr) saves 50 × 4 = 200 > 100: built. With it built the
        // cheap link holds 110 ≥ 100 t, so nothing binds and the gate price is the cheap 5/t.
        var network = TestNetwork.Create().Option("more", capex: 100, addToLink: "cheap", added: 50)
            .Mine("m", "ore", 100).Market("k", "ore")
            .Link("cheap", "m", "k", perTonne: 5, capacity: 60)
            .Link("dear", "m", "k", TransportMode.Road, perTonne: 9)
            .Build();
        var result = Solve.Optimal(network);
        Assert.True(Solve.Built(result, "more"));
        Assert.Empty(result.Prices!.Capacities);
        Assert.Equal(5, Assert.Single(result.Prices.MineGates).UsdPerTonne, 6);
    }

    [Fact]
    public void Prices_appear_in_the_json_and_on_the_console()
    {
        var result = Solve.Optimal(TwoLinks(60, withOption: false));
        var json = ResultJsonWriter.ToJson(result, includeTimings: false);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var prices = document.RootElement.GetProperty("prices");
        Assert.Equal(4, prices.GetProperty("capacities")[0].GetProperty("valueUsdPerTonne").GetDouble(), 6);
        Assert.StartsWith("Conditional on the builds", prices.GetProperty("note").GetString(), StringComparison.Ordinal);
        using var writer = new StringWriter();
        ResultConsoleWriter.Write(result, TwoLinks(60, false), writer, includeTimings: false);
        Assert.Contains("Prices (USD per tonne)", writer.ToString(), StringComparison.Ordinal);
        Assert.Contains("Conditional on the builds", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_market_price_the_gate_price_is_the_netback_and_volume_bounds_do_not_hide_it()
    {
        // 100 t sold at 50/t after a 7/t haul: one more tonne at the mine is worth 43 (gate −43), it costs 7 to deliver,
        // and the market values it at its price. Every flow sits at the class volume here, which is what made duals degenerate.
        var network = TestNetwork.Create().Mine("m", "ore", 100).Market("k", "ore", price: 50).Link("l", "m", "k", perTonne: 7).Build();
        var result = Solve.Optimal(network);
        Assert.Equal(-43, Assert.Single(result.Prices!.MineGates).UsdPerTonne, 6);
        var market = Assert.Single(result.Prices.Markets);
        Assert.Equal(50, market.DeliveryDualUsdPerTonne, 6);
        Assert.Equal(7, market.MarginalDeliveredCostUsdPerTonne!.Value, 6);
    }
}
