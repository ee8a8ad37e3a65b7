using Logistics.Network.Model;
using Logistics.Presentation;

namespace Logistics.Optimisation.Tests;

/// <summary>Infeasible hand-made networks: each gives the finding a planner would write down.</summary>
public sealed class DiagnosisTests
{
    private static InfeasibilityFinding SingleFinding(NetworkSnapshot network, FindingKind kind)
    {
        var result = new NetworkOptimiser().Solve(network, SolverSettings.Default);
        Assert.Equal(SolveStatus.Infeasible, result.Status);
        var diagnosis = Assert.IsType<InfeasibilityDiagnosis>(result.Diagnosis);
        Assert.Equal(diagnosis.Findings.Select(f => f.Sentence), diagnosis.Conflicts);
        Assert.Contains("Elastic re-solve", diagnosis.Method, StringComparison.Ordinal);
        return Assert.Single(diagnosis.Findings, f => f.Kind == kind);
    }

    [Fact]
    public void A_link_too_small_for_the_supply_is_named_with_its_capacity()
    {
        var network = TestNetwork.Create().Mine("reko", "conc", 1_100_000).Junction("quetta").Market("shanghai", "conc")
            .Link("reko-quetta", "reko", "quetta", TransportMode.Road, perTonne: 1)
            .Link("quetta-taftan", "quetta", "shanghai", perTonne: 1, capacity: 400_000)
            .Build();
        var finding = SingleFinding(network, FindingKind.LinkCapacity);
        Assert.Equal(700_000, finding.Amount, 3);
        Assert.Equal(["quetta-taftan", "reko", "conc"], finding.Elements.ToArray());
        Assert.Equal("700 kt/yr of conc from reko cannot pass link quetta-taftan from quetta to shanghai: it carries at most 400 kt/yr and no option adds capacity on it.", finding.Sentence);
    }

    [Fact]
    public void A_market_minimum_above_all_supply_is_a_shortfall()
    {
        var network = TestNetwork.Create().Mine("m", "ore", 50).Market("k", "ore", min: 80)
            .Link("l", "m", "k", perTonne: 1).Build();
        var finding = SingleFinding(network, FindingKind.DemandShortfall);
        Assert.Equal(30, finding.Amount, 6);
        Assert.Equal(["k", "ore"], finding.Elements.ToArray());
        Assert.Contains("the mines produce only 50 t/yr of it", finding.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_that_blocks_the_only_route_is_named()
    {
        var network = TestNetwork.Create().Mine("m", "ore", 100).Junction("gwadar").Market("houston", "ore")
            .Link("a", "m", "gwadar", perTonne: 1).Link("b", "gwadar", "houston", TransportMode.Sea, perTonne: 1)
            .AvoidThrough("us-avoid-gwadar", ["houston"], nodes: ["gwadar"])
            .Build();
        var finding = SingleFinding(network, FindingKind.Rule);
        Assert.Equal(100, finding.Amount, 6);
        Assert.Equal("us-avoid-gwadar", finding.Elements[0]);
        Assert.Contains("houston", finding.Elements.ToArray());
        Assert.Contains("passes gwadar", finding.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_budget_too_small_for_the_needed_option_says_by_how_much()
    {
        var network = TestNetwork.Create().Mine("m", "ore", 100).Market("k", "ore")
            .Link("l", "m", "k", perTonne: 1, capacity: 40)
            .Option("upgrade", capex: 1000, addToLink: "l", added: 100)
            .Budget(600)
            .Build();
        var finding = SingleFinding(network, FindingKind.Budget);
        Assert.Equal(400, finding.Amount, 3);
        Assert.Equal(["upgrade"], finding.Elements.ToArray());
        Assert.Contains("cost 1,000 USD but the capex budget is 600 USD", finding.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cost_phase_does_not_trade_the_budget_overrun_for_cargo_left_behind()
    {
        // Phase 1 blames the budget (400 USD × 1e-6) rather than 60 t of capacity overrun (× 0.1). Had phase 2 only held the
        // weighted sum, skipping the option would have been cheaper and some other violation would have appeared instead.
        var network = TestNetwork.Create().Mine("m", "ore", 100).Market("k", "ore")
            .Link("l", "m", "k", perTonne: 1, capacity: 40)
            .Option("upgrade", capex: 1000, addToLink: "l", added: 100)
            .Budget(600)
            .Build();
        var result = new NetworkOptimiser().Solve(network, SolverSettings.Default);
        var finding = Assert.Single(result.Diagnosis!.Findings);
        Assert.Equal(FindingKind.Budget, finding.Kind);
    }

    [Fact]
    public void Output_that_no_market_can_take_cannot_leave()
    {
        var network = TestNetwork.Create().Mine("m", "ore", 100).Market("k", "ore", max: 30)
            .Link("l", "m", "k", perTonne: 1).Build();
        var finding = SingleFinding(network, FindingKind.SupplyCannotShip);
        Assert.Equal(70, finding.Amount, 6);
        Assert.Contains("take at most 30 t/yr in total", finding.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_needed_link_whose_option_is_forced_out_says_so()
    {
        var network = TestNetwork.Create().Mine("m", "ore", 100).Market("k", "ore")
            .Link("new", "m", "k", perTonne: 1, capacity: 500, builtBy: "line")
            .Option("line", capex: 10, decision: BuildDecision.ForcedOut)
            .Build();
        var finding = SingleFinding(network, FindingKind.LinkCapacity);
        Assert.Equal(100, finding.Amount, 6);
        Assert.Contains("exists only if option line is built, and it is forced out", finding.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Forced_options_that_contradict_their_logic_are_named()
    {
        var network = TestNetwork.Create().Mine("m", "ore", 10).Market("k", "ore").Link("l", "m", "k")
            .Option("a", 1, requires: ["b"], decision: BuildDecision.ForcedIn)
            .Option("b", 1, decision: BuildDecision.ForcedOut)
            .Build();
        var finding = SingleFinding(network, FindingKind.OptionLogic);
        Assert.Equal(["a", "b"], finding.Elements.ToArray());
    }

    [Fact]
    public void The_diagnosis_is_in_the_json_and_on_the_console()
    {
        var network = TestNetwork.Create().Mine("m", "ore", 100).Market("k", "ore", max: 30).Link("l", "m", "k").Build();
        var result = new NetworkOptimiser().Solve(network, SolverSettings.Default);
        using var document = System.Text.Json.JsonDocument.Parse(ResultJsonWriter.ToJson(result, includeTimings: false));
        var finding = document.RootElement.GetProperty("diagnosis").GetProperty("findings")[0];
        Assert.Equal("supplyCannotShip", finding.GetProperty("kind").GetString());
        Assert.Equal(70, finding.GetProperty("amount").GetDouble(), 6);
        using var writer = new StringWriter();
        ResultConsoleWriter.Write(result, network, writer, includeTimings: false);
        Assert.Contains("Why it is infeasible", writer.ToString(), StringComparison.Ordinal);
        Assert.Contains("70 t/yr of ore from m cannot leave", writer.ToString(), StringComparison.Ordinal);
    }
}
