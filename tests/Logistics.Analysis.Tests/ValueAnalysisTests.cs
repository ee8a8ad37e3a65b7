using Logistics.Network.Loading;
using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis.Tests;

public class ValueAnalysisTests
{
    [Theory]
    [InlineData(500)]
    [InlineData(1200)]
    public void Break_even_capex_of_the_shortcut_is_its_800_USD_saving(double capex)
    {
        var report = ValueAnalysis.Run(Nets.Shortcut(capex), Nets.Settings());
        var row = Assert.Single(report.Valuations);
        Assert.Equal(ValuationKind.Single, row.Kind);
        Assert.Equal(800, row.BreakEvenCapexUsd!.Value, 3);
        Assert.Equal(800, row.BreakEvenOwnCapexUsd!.Value, 3);
        Assert.Equal(800 - capex, row.AnnualSavingUsd!.Value, 3);
        Assert.Equal(800, row.OperatingBenefitUsd!.Value, 3);
        Assert.Equal(capex < 800, row.BuiltInOptimum);
        Assert.Equal(capex < 800, report.OptimumBuilds.Contains(new OptionId("shortcut")));
    }

    [Fact]
    public void Break_even_capex_with_discounting_is_the_saving_over_the_capital_recovery_factor()
    {
        var report = ValueAnalysis.Run(Nets.Shortcut(5000, discountRate: 0.08, lifetime: 40), Nets.Settings());
        var row = Assert.Single(report.Valuations);
        Assert.Equal(800 / Finance.CapitalRecoveryFactor(0.08, 40), row.BreakEvenCapexUsd!.Value, 2);
        Assert.Equal(5000 / 800.0, row.PaybackYears!.Value, 6);
        Assert.True(row.Irr > 0.08 && row.NpvUsd > 0);
    }

    [Fact]
    public void Value_equals_the_difference_of_the_two_forced_solves()
    {
        var network = Nets.Shortcut(300);
        var row = Assert.Single(ValueAnalysis.Run(network, Nets.Settings()).Valuations);
        var optimiser = new NetworkOptimiser();
        var costIn = optimiser.Solve(network.WithDecision(new OptionId("shortcut"), BuildDecision.ForcedIn), SolverSettings.Default).Objective!.Value;
        var costOut = optimiser.Solve(network.WithDecision(new OptionId("shortcut"), BuildDecision.ForcedOut), SolverSettings.Default).Objective!.Value;
        Assert.Equal(costIn, row.CostInUsd!.Value, 6);
        Assert.Equal(costOut, row.CostOutUsd!.Value, 6);
        Assert.Equal(costOut - costIn, row.AnnualSavingUsd!.Value, 6);
        Assert.Equal(200 + 300, costIn, 6);
        Assert.Equal(1000, costOut, 6);
    }

    [Fact]
    public void An_option_that_requires_another_is_valued_as_a_bundle_and_on_top_of_its_prerequisite()
    {
        // "line" opens a cheap mine → junction leg; "terminal" (requires "line") opens the cheap junction → port leg.
        // Only together do they save anything: 100 t × (10 − 1) = 900 USD/yr against 300 + 200 of capex.
        var network = Nets.Builder()
            .Add(Nets.Mine("mine", 100)).Add(Nets.Junction("hub")).Add(Nets.Port("port")).Add(Nets.Market("market"))
            .Add(Nets.Link("old", "mine", "port", 10))
            .Add(Nets.Link("line-leg", "mine", "hub", 0.5, builtBy: "line"))
            .Add(Nets.Link("terminal-leg", "hub", "port", 0.5, builtBy: "terminal"))
            .Add(Nets.Link("sea", "port", "market", 0, mode: TransportMode.Sea))
            .Add(Nets.Option("line", 300))
            .Add(Nets.Option("terminal", 200, requires: ["line"]))
            .Build();
        var report = ValueAnalysis.Run(network, Nets.Settings(), new OptionId("terminal"));
        Assert.Equal([ValuationKind.Bundle, ValuationKind.GivenPrerequisites], report.Valuations.Select(v => v.Kind));
        var bundle = report.Valuations[0];
        Assert.Equal(["line", "terminal"], bundle.ForcedIn.Select(o => o.Value));
        Assert.Equal(500, bundle.CapexUsd, 6);
        Assert.Equal(900 - 500, bundle.AnnualSavingUsd!.Value, 3);
        Assert.True(bundle.BuiltInOptimum);
        Assert.Equal(900, bundle.BreakEvenCapexUsd!.Value, 3);
        Assert.Equal(600, bundle.BreakEvenOwnCapexUsd!.Value, 3); // terminal may cost up to 900 − 300
        var given = report.Valuations[1];
        Assert.Equal(["terminal"], given.Valued.Select(o => o.Value));
        Assert.Equal(900 - 200, given.AnnualSavingUsd!.Value, 3); // the line's capex is sunk in both solves
    }

    [Fact]
    public void The_default_network_answers_the_Pasni_question_no_in_the_base_and_yes_in_phase_2_with_a_high_rail_tariff()
    {
        var (source, _) = Network.Loading.NetworkSource.Read(Nets.DefaultNetworkPath());
        var pasni = new OptionId("pasni-package");
        ValueReport Value(string? scenario) =>
            ValueAnalysis.Run(source!.Bind(new Network.Loading.LoadOptions { Scenario = scenario }).Network!, Nets.Settings(2), pasni);

        var baseBundle = Value(null).Valuations.Single(v => v.Kind == ValuationKind.Bundle);
        Assert.False(baseBundle.BuiltInOptimum);
        Assert.True(baseBundle.NpvUsd < 0, "In the base, Pasni with the Minlink north line loses money.");
        Assert.True(baseBundle.BreakEvenOwnCapexUsd < 0, "In the base, Pasni would not pay even if the port were free.");

        var highTariff = Value("phase2-high-rail-tariff").Valuations.Single(v => v.Kind == ValuationKind.Bundle);
        Assert.True(highTariff.BuiltInOptimum);
        Assert.True(highTariff.NpvUsd > 0, "In phase 2 with a high rail tariff, the Pasni bundle pays.");
        Assert.True(highTariff.BreakEvenOwnCapexUsd > 1.2e9);
    }
}
