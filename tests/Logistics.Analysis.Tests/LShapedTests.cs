using Logistics.Analysis.Uncertainty;
using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;
using Logistics.Optimisation;
using Logistics.Optimisation.Stochastic;

namespace Logistics.Analysis.Tests;

/// <summary>
/// The L-shaped (Benders) method gives the extensive form's two-stage plan: the same builds and the same objective
/// within the relative gap, with and without CVaR, on a micro network with a known answer and on the default network.
/// </summary>
public sealed class LShapedTests
{
    private const double Gap = 1e-6;

    [Fact]
    public void On_a_micro_network_the_l_shaped_plan_is_the_extensive_forms_and_the_closed_form_one()
    {
        // 100 t/yr must ship; the old link carries 60 at t ~ U(5, 15) USD/t. Nothing built cannot ship (a feasibility
        // cut); upgrade (+40 t, capex 100) costs 100·t + 100, mean 1,100; shortcut (2 USD/t, capex 1,050) costs 1,250.
        var source = UncertaintyTests.Source(Capped(), UncertaintyTests.Seed("old-tariff", 10, 5, 15, "uniform"));

        var (extensive, lShaped) = BothWays(source, new UncertaintyRequest(2, Seed: 5, Tornado: false, Regret: false, TwoStageDraws: 40));

        Assert.Equal(["upgrade"], extensive.Built.Select(o => o.Value));
        Assert.InRange(extensive.RecourseProblemUsd!.Value, 1100 - 2, 1100 + 2);
        AssertSamePlan(extensive, lShaped);
    }

    [Fact]
    public void On_a_micro_network_with_cvar_the_l_shaped_plan_is_the_extensive_forms_and_avoids_the_tail()
    {
        // With λ = 5 at α = 0.9: upgrade 1,100 + 5·1,550 = 8,850 against shortcut 1,250·6 = 7,500, so the shortcut is built.
        var source = UncertaintyTests.Source(Capped(), UncertaintyTests.Seed("old-tariff", 10, 5, 15, "uniform"));

        var (extensive, lShaped) = BothWays(source, new UncertaintyRequest(2, Seed: 5, Tornado: false, Regret: false, TwoStageDraws: 40, CvarAlpha: 0.9, CvarWeight: 5));

        Assert.Equal(["shortcut"], extensive.Built.Select(o => o.Value));
        Assert.Equal(1250, lShaped.CvarUsd!.Value, 6);
        AssertSamePlan(extensive, lShaped);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void On_the_default_network_the_l_shaped_plan_is_the_extensive_forms(double cvarWeight)
    {
        var source = NetworkSource.Read(Nets.DefaultNetworkPath()).Source!;

        var (extensive, lShaped) = BothWays(source, new UncertaintyRequest(2, Seed: 7, Tornado: false, Regret: false, TwoStageDraws: 6, CvarAlpha: 0.8, CvarWeight: cvarWeight));

        AssertSamePlan(extensive, lShaped);
    }

    [Fact]
    public void Auto_solves_few_draws_as_the_extensive_form_and_many_by_the_l_shaped_method()
    {
        Assert.Equal(TwoStageMethod.Extensive, TwoStageOptimiser.Resolve(TwoStageMethod.Auto, TwoStageOptimiser.AutoExtensiveMaxDraws));
        Assert.Equal(TwoStageMethod.LShaped, TwoStageOptimiser.Resolve(TwoStageMethod.Auto, TwoStageOptimiser.AutoExtensiveMaxDraws + 1));
        Assert.Equal(TwoStageMethod.Extensive, TwoStageOptimiser.Resolve(TwoStageMethod.Extensive, 10_000));
    }

    private static (TwoStageReport Extensive, TwoStageReport LShaped) BothWays(NetworkSource source, UncertaintyRequest request)
    {
        var extensive = UncertaintyAnalysis.Run(source, request with { TwoStageMethod = TwoStageMethod.Extensive }, Nets.Settings()).TwoStage!;
        var lShaped = UncertaintyAnalysis.Run(source, request with { TwoStageMethod = TwoStageMethod.LShaped }, Nets.Settings()).TwoStage!;
        return (extensive, lShaped);
    }

    private static void AssertSamePlan(TwoStageReport extensive, TwoStageReport lShaped)
    {
        Assert.Equal(SolveStatus.Optimal, extensive.Status);
        Assert.Equal(SolveStatus.Optimal, lShaped.Status);
        Assert.Equal(TwoStageMethod.Extensive, extensive.Method);
        Assert.Equal(TwoStageMethod.LShaped, lShaped.Method);
        Assert.True(lShaped.Iterations > 0);
        Assert.True(lShaped.OptimalityCuts > 0);
        Assert.Equal(extensive.Built.Select(o => o.Value), lShaped.Built.Select(o => o.Value));
        var scale = Math.Abs(extensive.ObjectiveUsd!.Value);
        Assert.InRange(lShaped.ObjectiveUsd!.Value, extensive.ObjectiveUsd.Value - (2 * Gap * scale) - 1e-6, extensive.ObjectiveUsd.Value + (2 * Gap * scale) + 1e-6);
        Assert.InRange(lShaped.RecourseProblemUsd!.Value, extensive.RecourseProblemUsd!.Value - (2 * Gap * scale) - 1e-6, extensive.RecourseProblemUsd.Value + (2 * Gap * scale) + 1e-6);
    }

    [Fact]
    public void When_no_builds_let_every_draw_ship_the_l_shaped_method_says_infeasible_and_when_some_do_it_proves_the_best()
    {
        // 100 t need the upgrade (60 + 80), whose capex is twice the budget: the draws' relaxation (builds in [0, 1]) ships
        // it all with half an upgrade, so the loop runs until the master has no other builds to offer.
        var stuck = Nets.Builder()
            .WithMetadata(NetworkParts.Metadata(0, 25) with { CapexBudgetUsd = 50 })
            .Add(Nets.Mine("mine", 100)).Add(Nets.Port("port")).Add(Nets.Market("market"))
            .Add(Nets.Link("old", "mine", "port", 10, capacity: 60))
            .Add(Nets.Link("sea", "port", "market", 0, mode: TransportMode.Sea))
            .Add(Nets.Option("upgrade", 100, adds: [new CapacityIncrement(new LinkId("old"), null, 80)]))
            .Build();
        var settings = SolverSettings.Default with { ComputePrices = false, RelativeGap = Gap };

        var infeasible = LShapedOptimiser.Solve([stuck, stuck], settings);
        var feasible = LShapedOptimiser.Solve([Capped(), Capped()], settings);

        Assert.Equal(SolveStatus.Infeasible, infeasible.Status);
        Assert.StartsWith("Infeasible: no one set of builds lets every draw ship its cargo (", infeasible.Message, StringComparison.Ordinal);
        Assert.Equal(SolveStatus.Optimal, feasible.Status);
        Assert.Equal("Optimal.", feasible.Message);
        Assert.Equal(["upgrade"], feasible.Built.Select(o => o.Value));
    }

    private static NetworkSnapshot Capped() =>
        Nets.Builder()
            .Add(Nets.Mine("mine", 100)).Add(Nets.Port("port")).Add(Nets.Market("market"))
            .Add(Nets.Link("old", "mine", "port", 10, capacity: 60))
            .Add(Nets.Link("new", "mine", "port", 2, builtBy: "shortcut"))
            .Add(Nets.Link("sea", "port", "market", 0, mode: TransportMode.Sea))
            .Add(Nets.Option("upgrade", 100, adds: [new CapacityIncrement(new LinkId("old"), null, 40)]))
            .Add(Nets.Option("shortcut", 1050))
            .Add(new FigureProvenance("links[old].tariffUsdPerTonne", 10, "usdPerTonne", new SeedId("old-tariff")))
            .Build();
}
