using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis.Tests;

public class SweepAnalysisTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void The_sweep_finds_a_switching_point_planted_in_a_generated_network(int seed)
    {
        // Plant the break-even capex T × (a − b) with seeded random figures; the sweep must bracket it.
        var random = new Random(seed);
        var tonnes = Math.Round(50 + (random.NextDouble() * 950));
        var oldTariff = Math.Round(5 + (random.NextDouble() * 20), 2);
        var newTariff = Math.Round(random.NextDouble() * 4, 2);
        var planted = tonnes * (oldTariff - newTariff);
        var network = Nets.Builder()
            .Add(Nets.Mine("mine", tonnes)).Add(Nets.Port("port")).Add(Nets.Market("market"))
            .Add(Nets.Link("old", "mine", "port", oldTariff))
            .Add(Nets.Link("new", "mine", "port", newTariff, builtBy: "shortcut"))
            .Add(Nets.Link("sea", "port", "market", 0, mode: TransportMode.Sea))
            .Add(Nets.Option("shortcut", planted / 3))
            .Build();

        var request = new SweepRequest("options[shortcut].capexUsd", planted * 0.13, planted * 2.07, 9, Tolerance: planted * 1e-4);
        var report = SweepAnalysis.Run(Nets.Source(network), request, Nets.Settings());

        Assert.Equal(9, report.Points.Length);
        Assert.All(report.Points, p => Assert.Equal(SolveStatus.Optimal, p.Status));
        var switching = Assert.Single(report.SwitchingPoints);
        Assert.InRange(planted, switching.Lower, switching.Upper);
        Assert.True(switching.Upper - switching.Lower <= request.Tolerance);
        Assert.Equal(["shortcut"], switching.BuiltBelow.Select(o => o.Value));
        Assert.Empty(switching.BuiltAbove);
        Assert.Equal(report.Points.Length + switching.Bisections, report.Solves);
    }

    [Fact]
    public void Each_point_reports_the_objective_and_port_shares_of_its_value()
    {
        var report = SweepAnalysis.Run(Nets.Source(Nets.Shortcut(150)), new SweepRequest("links[old].tariffUsdPerTonne", 1, 5, 3), Nets.Settings());
        // 100 t: the old link costs 100 × tariff; the shortcut 200 + 150. It wins above 3.5 USD/t.
        Assert.Equal([100, 300, 350], report.Points.Select(p => Math.Round(p.ObjectiveUsd!.Value, 3)));
        Assert.All(report.Points, p => Assert.Equal(1.0, Assert.Single(p.PortShares).Share, 9));
        Assert.Equal(3.5, report.SwitchingPoints.Single().Estimate, 2);
    }

    [Fact]
    public void A_path_that_matches_nothing_is_an_input_error_with_the_loader_diagnostic()
    {
        var error = Assert.Throws<AnalysisInputException>(() =>
            SweepAnalysis.Run(Nets.Source(Nets.Shortcut(100)), new SweepRequest("options[no-such].capexUsd", 1, 2, 2), Nets.Settings()));
        Assert.Contains("options[no-such].capexUsd", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(error.Diagnostics);
    }
    [Fact]
    public void A_sweep_binds_its_network_once_and_makes_every_point_and_bisection_on_that_snapshot()
    {
        var source = Nets.Source(Nets.Shortcut(150));

        var report = SweepAnalysis.Run(source, new SweepRequest("links[old].tariffUsdPerTonne", 1, 5, 9), Nets.Settings());

        Assert.True(report.Solves > report.Points.Length, "the sweep bisected");
        Assert.Equal(1, source.TreeBinds);
        Assert.Equal(3.5, report.SwitchingPoints.Single().Estimate, 2);
    }

    [Fact]
    public void A_sweep_over_a_field_the_file_does_not_write_binds_each_value_from_the_file_and_finds_the_same_answers()
    {
        // The old link writes no capacity (unlimited): setting one gives it a field, which only binding can read.
        var source = Nets.Source(Nets.Shortcut(150));

        var report = SweepAnalysis.Run(source, new SweepRequest("links[old].capacityTpy", 50, 150, 3), Nets.Settings());

        Assert.True(source.TreeBinds >= report.Points.Length, $"{source.TreeBinds} binds for {report.Points.Length} points");
        Assert.All(report.Points, p => Assert.Equal(SolveStatus.Optimal, p.Status));
    }

    [Fact]
    public void A_sweep_value_outside_the_field_s_range_is_the_binder_s_error()
    {
        var error = Assert.Throws<AnalysisInputException>(() =>
            SweepAnalysis.Run(Nets.Source(Nets.Shortcut(100)), new SweepRequest("links[old].tariffUsdPerTonne", -5, 5, 3), Nets.Settings()));

        Assert.StartsWith("Setting links[old].tariffUsdPerTonne to -5 does not give a valid network.", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Diagnostics, d => d.Code == "LG0202");
    }
}
