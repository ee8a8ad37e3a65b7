using System.Collections.Immutable;

using Logistics.Analysis.Uncertainty;
using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;
using Logistics.Optimisation;

using MathNet.Numerics.Statistics;

namespace Logistics.Analysis.Tests;

/// <summary>
/// The uncertainty analysis on micro networks whose answers are known in closed form (docs/analyses.md, "Uncertainty").
/// The shortcut network ships 100 t/yr; the old route costs t USD/t (t sampled), the shortcut 2 USD/t plus its capex
/// C per year, so the shortcut is built exactly when t &gt; t* = 2 + C/100.
/// </summary>
public sealed class UncertaintyTests
{
    private const string TariffPath = "links[old].tariffUsdPerTonne";

    [Fact]
    public void An_option_is_built_in_the_share_of_draws_where_a_uniform_tariff_exceeds_its_break_even()
    {
        // t ~ U(5, 15), C = 600 so t* = 8: P(built) = (15 − 8) / (15 − 5) = 0.7.
        var source = Source(Shortcut(capex: 600, tariff: 10), Seed("old-tariff", 10, 5, 15, "uniform"));

        var report = UncertaintyAnalysis.Run(source, new UncertaintyRequest(200, Seed: 7, Tornado: false, Regret: false), Nets.Settings());

        var shortcut = Assert.Single(report.Options);
        Assert.Equal(200, shortcut.Of);
        // Latin hypercube puts one draw in each 1/200 stratum, so the share misses 0.7 by at most one stratum.
        Assert.InRange(shortcut.Probability, 0.7 - 0.01, 0.7 + 0.01);
        Assert.InRange(0.7, shortcut.Low, shortcut.High);
        Assert.Empty(report.Infeasible);
    }

    [Fact]
    public void A_tornado_swing_on_a_linear_network_is_the_cost_slope_times_the_range()
    {
        // Never worth building: the cost is 100·t_old + 100·t_sea, linear in each seed.
        var network = Shortcut(capex: 1e9, tariff: 10, seaTariff: 5);
        var source = Source(network, Seed("old-tariff", 10, 6, 14), Seed("sea-tariff", 5, 4, 7));

        var report = UncertaintyAnalysis.Run(source, new UncertaintyRequest(10, Seed: 1, Regret: false), Nets.Settings());

        Assert.Equal(["old-tariff", "sea-tariff"], report.Tornado.Select(b => b.Name));
        Assert.Equal(100 * (14 - 6), report.Tornado[0].SwingUsd!.Value, 6);
        Assert.Equal(100 * (7 - 4), report.Tornado[1].SwingUsd!.Value, 6);
        Assert.All(report.Tornado, b => Assert.False(b.BuildsChange));
    }

    [Fact]
    public void A_tornado_bar_says_when_the_builds_change_between_the_ends_of_a_range()
    {
        var source = Source(Shortcut(capex: 600, tariff: 10), Seed("old-tariff", 10, 5, 15));

        var report = UncertaintyAnalysis.Run(source, new UncertaintyRequest(5, Seed: 1, Regret: false), Nets.Settings());

        var bar = Assert.Single(report.Tornado);
        Assert.True(bar.BuildsChange);
        Assert.Empty(bar.BuiltAtLow);
        Assert.Equal(["shortcut"], bar.BuiltAtHigh.Select(o => o.Value));
        // At 5 the old route: 500; at 15 the shortcut: 200 + 600.
        Assert.Equal(300, bar.SwingUsd!.Value, 6);
    }

    [Fact]
    public void The_same_seed_gives_the_same_report_whatever_the_parallelism()
    {
        var source = Source(Shortcut(capex: 600, tariff: 10, seaTariff: 5), Seed("old-tariff", 10, 5, 15), Seed("sea-tariff", 5, 4, 7, "pert"));
        var request = new UncertaintyRequest(24, Seed: 11);

        var one = AnalysisJson.Serialize(UncertaintyAnalysis.Run(source, request, Nets.Settings(parallel: 1)));
        var three = AnalysisJson.Serialize(UncertaintyAnalysis.Run(source, request, Nets.Settings(parallel: 3)));
        var otherSeed = AnalysisJson.Serialize(UncertaintyAnalysis.Run(source, request with { Seed = 12 }, Nets.Settings(parallel: 1)));

        Assert.Equal(one, three);
        Assert.NotEqual(one, otherSeed);
    }

    [Fact]
    public void Applying_a_draw_to_the_snapshot_gives_the_same_report_as_binding_it_from_the_file()
    {
        var source = Source(Shortcut(capex: 600, tariff: 10, seaTariff: 5), Seed("old-tariff", 10, 5, 15), Seed("sea-tariff", 5, 4, 7, "lognormal"));
        var request = new UncertaintyRequest(20, Seed: 4, Tornado: false, Regret: false);

        var applied = AnalysisJson.Serialize(UncertaintyAnalysis.Run(source, request, Nets.Settings()));
        var bound = AnalysisJson.Serialize(UncertaintyAnalysis.Run(source, request with { BindEachDraw = true }, Nets.Settings()));

        Assert.Equal(applied, bound);
    }

    [Fact]
    public void The_two_stage_plan_matches_its_closed_form_and_its_value_over_the_central_plan_is_not_negative()
    {
        // t ~ U(5, 15) but the register's central value is 7 < t* = 8, so the central plan builds nothing (cost 100·t),
        // while E[100·t] = 1,000 > 800 = the shortcut's cost whatever t is: the stochastic plan builds, RP = 800 exactly,
        // EEV = E[100·t] ≈ 1,000, VSS ≈ 200, and WS = E[min(100·t, 800)] = 195 + 560 = 755, EVPI ≈ 45.
        var source = Source(Shortcut(capex: 600, tariff: 7), Seed("old-tariff", 7, 5, 15, "uniform"));

        var report = UncertaintyAnalysis.Run(source, new UncertaintyRequest(4, Seed: 3, Tornado: false, Regret: false, TwoStageDraws: 100, OutOfSampleDraws: 50), Nets.Settings());

        var two = report.TwoStage!;
        Assert.Equal(SolveStatus.Optimal, two.Status);
        Assert.Empty(report.Central.Built);
        Assert.Equal(["shortcut"], two.Built.Select(o => o.Value));
        Assert.Equal(800, two.RecourseProblemUsd!.Value, 6);
        Assert.InRange(two.CentralPlanExpectedUsd!.Value, 1000 - 2, 1000 + 2);
        Assert.True(two.VssUsd >= 0);
        Assert.InRange(two.VssUsd!.Value, 200 - 2, 200 + 2);
        Assert.InRange(two.WaitAndSeeUsd!.Value, 755 - 2, 755 + 2);
        Assert.InRange(two.EvpiUsd!.Value, 45 - 2, 45 + 2);
        Assert.InRange(two.OutOfSample!.SavingMeanUsd!.Value, 200 - 5, 200 + 5);
    }

    [Fact]
    public void A_cvar_weight_makes_the_two_stage_plan_avoid_the_expensive_tail()
    {
        // t ~ U(5, 15), C = 1,050: building costs 1,250 whatever t is, not building 100·t (mean 1,000, CVaR_0.9 = 1,450).
        // Expected cost alone builds nothing; with λ = 5, 1,250 + 5·1,250 = 7,500 < 1,000 + 5·1,450 = 8,250, so it builds.
        var source = Source(Shortcut(capex: 1050, tariff: 10), Seed("old-tariff", 10, 5, 15, "uniform"));

        var neutral = UncertaintyAnalysis.Run(source, new UncertaintyRequest(4, Seed: 3, Tornado: false, Regret: false, TwoStageDraws: 40), Nets.Settings());
        var averse = UncertaintyAnalysis.Run(source, new UncertaintyRequest(4, Seed: 3, Tornado: false, Regret: false, TwoStageDraws: 40, CvarAlpha: 0.9, CvarWeight: 5), Nets.Settings());

        Assert.Empty(neutral.TwoStage!.Built);
        Assert.Equal(["shortcut"], averse.TwoStage!.Built.Select(o => o.Value));
        Assert.InRange(averse.TwoStage.CvarUsd!.Value, 1250 - 1e-6, 1250 + 1e-6);
    }

    [Fact]
    public void Regret_names_the_plan_with_the_least_expected_cost_and_the_one_with_the_least_worst_regret()
    {
        var source = Source(Shortcut(capex: 600, tariff: 10), Seed("old-tariff", 10, 5, 15, "uniform"));

        var report = UncertaintyAnalysis.Run(source, new UncertaintyRequest(50, Seed: 5, Tornado: false), Nets.Settings());

        var regret = report.Regret!;
        Assert.Equal(2, regret.Plans.Length);
        var build = regret.Plans.Single(p => !p.Built.IsEmpty);
        var none = regret.Plans.Single(p => p.Built.IsEmpty);
        Assert.Equal(800, build.MeanCostUsd!.Value, 6);
        Assert.InRange(none.MeanCostUsd!.Value, 995, 1005);
        // Worst regrets: building when t = 5 (800 − 500 = 300); not building when t = 15 (1,500 − 800 = 700). The extreme
        // draws lie in the first and last of 50 strata, within 0.2 of the ends.
        Assert.InRange(build.MaxRegretUsd!.Value, 280, 300);
        Assert.InRange(none.MaxRegretUsd!.Value, 680, 700);
        Assert.Equal(build.Built, regret.LeastExpectedCost);
        Assert.Equal(build.Built, regret.MinimaxRegret);
    }

    [Fact]
    public void A_correlation_group_reproduces_its_rank_correlation_and_keeps_one_draw_per_stratum()
    {
        var seeds = Enumerable.Range(0, 3).Select(i => new UncertainSeed(new SeedId($"s{i}"), SeedDistribution.Uniform, 0, 0.5, 1, "")).ToList();
        var group = new CorrelatedColumns("g", [0, 1, 2], 0.7);

        var rows = LatinHypercubeSampler.Sample(seeds, [group], 500, seed: 42);

        var columns = Enumerable.Range(0, 3).Select(j => rows.Select(r => r[j]).ToArray()).ToArray();
        Assert.InRange(Correlation.Spearman(columns[0], columns[1]), 0.65, 0.75);
        Assert.InRange(Correlation.Spearman(columns[0], columns[2]), 0.65, 0.75);
        Assert.InRange(Correlation.Spearman(columns[1], columns[2]), 0.65, 0.75);
        foreach (var column in columns)
            Assert.Equal(Enumerable.Range(0, 500), column.Select(v => (int)Math.Floor(v * 500)).Order());
    }

    [Fact]
    public void A_change_set_sets_figures_on_a_snapshot_and_their_provenance_follows()
    {
        var network = NetworkBuilder.From(Shortcut(capex: 600, tariff: 10))
            .Add(new FigureProvenance("options[shortcut].capexUsd", 600, "usd", new SeedId("capex")))
            .Build();
        var set = new FigureChangeSet([new FigureChange(TariffPath, 12.5), new FigureChange("options[shortcut].capexUsd", 700)]);

        Assert.Empty(set.Check(network));
        var changed = set.ApplyTo(network);

        Assert.Equal(12.5, changed.Link(new LinkId("old")).TariffUsdPerTonne);
        Assert.Equal(700, changed.Option(new OptionId("shortcut")).CapexUsd);
        Assert.Equal(12.5, changed.Figures.Single(f => f.Path == TariffPath).Value);
        Assert.Equal(10, network.Link(new LinkId("old")).TariffUsdPerTonne);
    }

    [Fact]
    public void A_change_set_names_every_path_it_cannot_apply()
    {
        var network = Shortcut(capex: 600, tariff: 10);
        var set = new FigureChangeSet([new FigureChange("links[nowhere].tariffUsdPerTonne", 1), new FigureChange("metadata.circuity.rail", 1.2), new FigureChange(TariffPath, double.NaN)]);

        var problems = set.Check(network);

        Assert.Equal(3, problems.Length);
        Assert.Contains("links[nowhere].tariffUsdPerTonne", problems[0], StringComparison.Ordinal);
        Assert.Contains("metadata.circuity.rail", problems[1], StringComparison.Ordinal);
        Assert.Contains("not a finite number", problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_network_whose_figures_cite_no_ranged_seed_is_refused_with_a_reason()
    {
        var source = Source(Shortcut(capex: 600, tariff: 10), Seed("old-tariff", 10, null, null));

        var error = Assert.Throws<AnalysisInputException>(() => UncertaintyAnalysis.Run(source, new UncertaintyRequest(10, Seed: 1), Nets.Settings()));

        Assert.Contains("nothing uncertain to sample", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Draws_that_cannot_ship_are_counted_and_explained_not_dropped()
    {
        // The only route's capacity is sampled in [50, 150] against 100 t/yr: about half the draws are infeasible.
        var network = Nets.Builder()
            .Add(Nets.Mine("mine", 100)).Add(Nets.Port("port")).Add(Nets.Market("market"))
            .Add(Nets.Link("old", "mine", "port", 10, capacity: 120))
            .Add(Nets.Link("sea", "port", "market", 0, mode: TransportMode.Sea))
            .Add(new FigureProvenance("links[old].capacityTpy", 120, "tpy", new SeedId("old-capacity")))
            .Build();
        var source = Source(network, Seed("old-capacity", 120, 50, 150, "uniform"));

        var report = UncertaintyAnalysis.Run(source, new UncertaintyRequest(40, Seed: 2, Tornado: false, Regret: false), Nets.Settings());

        Assert.Equal(40 - report.Infeasible.Length, report.Cost.Solved);
        Assert.InRange(report.Infeasible.Length, 18, 22);
        Assert.All(report.Infeasible, d => Assert.Equal(SolveStatus.Infeasible, d.Status));
        Assert.All(report.Infeasible, d => Assert.False(string.IsNullOrWhiteSpace(d.Explanation)));
    }

    private static NetworkSnapshot Shortcut(double capex, double tariff, double seaTariff = 0)
    {
        var builder = Nets.Builder()
            .Add(Nets.Mine("mine", 100)).Add(Nets.Port("port")).Add(Nets.Market("market"))
            .Add(Nets.Link("old", "mine", "port", tariff))
            .Add(Nets.Link("new", "mine", "port", 2, builtBy: "shortcut"))
            .Add(Nets.Link("sea", "port", "market", seaTariff, mode: TransportMode.Sea))
            .Add(Nets.Option("shortcut", capex))
            .Add(new FigureProvenance(TariffPath, tariff, "usdPerTonne", new SeedId("old-tariff")));
        if (seaTariff != 0)
            builder.Add(new FigureProvenance("links[sea].tariffUsdPerTonne", seaTariff, "usdPerTonne", new SeedId("sea-tariff")));
        return builder.Build();
    }

    internal static string Seed(string id, double value, double? low, double? high, string? distribution = null) =>
        "{ \"id\": \"" + id + "\", \"value\": " + Num(value) + ", \"unit\": \"usdPerTonne\", \"confidence\": " + (low is null ? "\"M\"" : "\"assumption\"")
        + (low is { } l ? ", \"low\": " + Num(l) : "") + (high is { } h ? ", \"high\": " + Num(h) : "")
        + (low is null ? ", \"source\": { \"title\": \"test\" }" : "")
        + (distribution is null ? "" : ", \"distribution\": \"" + distribution + "\"") + " }";

    private static string Num(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The network and a seeds file holding <paramref name="seeds"/>, read back from a throw-away folder.</summary>
    internal static NetworkSource Source(NetworkSnapshot network, params string[] seeds)
    {
        var root = Path.Combine(Path.GetTempPath(), "logistics-uncertainty-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "networks"));
        Directory.CreateDirectory(Path.Combine(root, "seeds"));
        File.WriteAllText(Path.Combine(root, "seeds", "test.json"), "{ \"formatVersion\": 1, \"seeds\": [" + string.Join(",", seeds) + "] }");
        var path = Path.Combine(root, "networks", "test.network.json");
        File.WriteAllText(path, NetworkWriter.Write(network));
        var (source, diagnostics) = NetworkSource.Read(path);
        Assert.True(source is not null, string.Join("\n", diagnostics));
        return source!;
    }
}
