using System.Collections.Immutable;

using Logistics.Analysis.Uncertainty;
using Logistics.Network.IO;
using Logistics.Network.Loading;
using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis.Tests;

/// <summary>
/// The uncertainty analysis of a plan over time, on a micro timeline whose answers are known in closed form, and the
/// kept-model path against the rebuild path. The timeline: 100 t/yr from mine to market in two periods, 2026–2028 and
/// 2029–2038, at a discount rate of 0. The old route costs t USD/t (t sampled); the shortcut 2 USD/t, capex C, a
/// lead time of 4 years (so it can serve from 2029, the second period, at the earliest), a life of 1 year (no residual
/// value at the horizon). Building it in 2029 costs C and saves (t − 2)·100·10, so it is built, in 2029, exactly when
/// t &gt; t* = 2 + C / 1,000.
/// </summary>
public sealed class UncertaintyOverTimeTests
{
    private const string TariffPath = "links[old].tariffUsdPerTonne";

    [Fact]
    public void An_option_that_can_serve_only_in_the_second_period_is_built_then_in_the_share_of_draws_where_the_tariff_exceeds_its_break_even()
    {
        // t ~ U(5, 15), C = 6,000 so t* = 8: P(built in 2029) = (15 − 8) / (15 − 5) = 0.7, and never in another year.
        var source = UncertaintyTests.Source(Timeline(capex: 6000, tariff: 10), UncertaintyTests.Seed("old-tariff", 10, 5, 15, "uniform"));

        var report = UncertaintyAnalysis.Run(source, new UncertaintyRequest(200, Seed: 7, Tornado: false, Regret: false), Nets.Settings());

        Assert.True(report.OverTime);
        var shortcut = Assert.Single(report.Options);
        Assert.InRange(shortcut.Probability, 0.7 - 0.01, 0.7 + 0.01);
        var year = Assert.Single(shortcut.ByYear);
        Assert.Equal(2029, year.Year);
        Assert.Equal(shortcut.Built, year.Count);
        Assert.All(report.Plans, p => Assert.True(p.Schedule.IsEmpty || p.Schedule.SequenceEqual([new PlannedBuild(new OptionId("shortcut"), 2029)])));
        // Each draw's cost is the present value over both periods: 100·t·3 + min(100·t·10, 6,000 + 100·2·10).
        Assert.All(report.DrawOutcomes, d => Assert.Equal((300 * d.Values[0]) + Math.Min(1000 * d.Values[0], 6000 + 2000), d.ObjectiveUsd!.Value, 6));
    }

    [Fact]
    public void A_draw_moves_a_figure_in_every_period_so_the_tornado_swing_counts_every_year_of_the_horizon()
    {
        // Never worth building: the cost is 100·t over 3 + 10 years, so the swing over t in [6, 14] is 100·8·13.
        var source = UncertaintyTests.Source(Timeline(capex: 1e9, tariff: 10), UncertaintyTests.Seed("old-tariff", 10, 6, 14));

        var report = UncertaintyAnalysis.Run(source, new UncertaintyRequest(4, Seed: 1, Regret: false), Nets.Settings());

        var bar = Assert.Single(report.Tornado);
        Assert.Equal(100 * (14 - 6) * 13, bar.SwingUsd!.Value, 6);
        Assert.False(bar.BuildsChange);
    }

    [Fact]
    public void Candidate_schedules_are_held_fixed_with_their_years_and_their_regret_is_the_closed_form()
    {
        var source = UncertaintyTests.Source(Timeline(capex: 6000, tariff: 10), UncertaintyTests.Seed("old-tariff", 10, 5, 15, "uniform"));

        var report = UncertaintyAnalysis.Run(source, new UncertaintyRequest(50, Seed: 5, Tornado: false), Nets.Settings());

        var regret = report.Regret!;
        var build = regret.Plans.Single(p => !p.Schedule.IsEmpty);
        var none = regret.Plans.Single(p => p.Schedule.IsEmpty);
        Assert.Equal(new[] { new PlannedBuild(new OptionId("shortcut"), 2029) }, build.Schedule.ToArray());
        // Held built: 300·t + 8,000, mean 300·10 + 8,000; held unbuilt: 1,300·t, mean 13,000 (the sample mean of t is 10 within 0.001).
        Assert.InRange(build.MeanCostUsd!.Value, 11000 - 1, 11000 + 1);
        Assert.InRange(none.MeanCostUsd!.Value, 13000 - 15, 13000 + 15);
        // Worst regrets: building at t = 5 (8,000 − 5,000 = 3,000); not building at t = 15 (15,000 − 8,000 = 7,000).
        Assert.InRange(build.MaxRegretUsd!.Value, 3000 - 200, 3000);
        Assert.InRange(none.MaxRegretUsd!.Value, 7000 - 200, 7000);
        Assert.Equal(build.Schedule.ToArray(), regret.LeastExpectedCostSchedule!.Value.ToArray());
        Assert.Equal(build.Schedule.ToArray(), regret.MinimaxRegretSchedule!.Value.ToArray());
    }

    [Fact]
    public void The_two_stage_plan_is_refused_on_a_timeline_with_a_reason()
    {
        var source = UncertaintyTests.Source(Timeline(capex: 6000, tariff: 10), UncertaintyTests.Seed("old-tariff", 10, 5, 15, "uniform"));

        var error = Assert.Throws<AnalysisInputException>(() => UncertaintyAnalysis.Run(source, new UncertaintyRequest(4, Seed: 1, TwoStageDraws: 10), Nets.Settings()));

        Assert.Contains("--two-stage", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Kept_models_give_the_report_that_rebuilding_every_draw_gives(bool overTime)
    {
        var network = overTime ? Timeline(capex: 6000, tariff: 10) : Nets.Shortcut(800);
        var withSeed = NetworkBuilder.From(network).Add(new FigureProvenance(TariffPath, 10, "usdPerTonne", new SeedId("old-tariff"))).Build();
        var source = UncertaintyTests.Source(withSeed, UncertaintyTests.Seed("old-tariff", 10, 5, 15, "pert"));
        var request = new UncertaintyRequest(30, Seed: 9);

        var kept = UncertaintyAnalysis.Run(source, request, Nets.Settings(parallel: 2));
        var rebuilt = UncertaintyAnalysis.Run(source, request with { RebuildEachDraw = true }, Nets.Settings(parallel: 2));

        // The same answers; sums may differ in the last bit (a coefficient scaled in another order), hence 1e-9.
        AssertSameDraws(rebuilt, kept);
        Assert.Equal(rebuilt.Plans.Select(p => (Key(p.Schedule), p.Count)), kept.Plans.Select(p => (Key(p.Schedule), p.Count)));
        Assert.Equal(rebuilt.Options.Select(o => (o.Option, o.Built)), kept.Options.Select(o => (o.Option, o.Built)));
        foreach (var (a, b) in rebuilt.Regret!.Plans.Zip(kept.Regret!.Plans))
        {
            Assert.Equal(Key(a.Schedule), Key(b.Schedule));
            Assert.Equal(a.MeanCostUsd!.Value, b.MeanCostUsd!.Value, Math.Abs(a.MeanCostUsd.Value) * 1e-9);
        }

        foreach (var (a, b) in rebuilt.Tornado.Zip(kept.Tornado))
            Assert.Equal(a.SwingUsd!.Value, b.SwingUsd!.Value, Math.Abs(a.CostAtHighUsd!.Value) * 1e-9);
    }

    private static string Key(ImmutableArray<PlannedBuild> plan) => string.Join(",", plan.Select(p => p.ToString()));

    private static void AssertSameDraws(UncertaintyReport expected, UncertaintyReport actual)
    {
        Assert.Equal(expected.DrawOutcomes.Select(d => (d.Status, Key(d.Schedule))), actual.DrawOutcomes.Select(d => (d.Status, Key(d.Schedule))));
        foreach (var (a, b) in expected.DrawOutcomes.Zip(actual.DrawOutcomes))
            Assert.True(Math.Abs(a.ObjectiveUsd!.Value - b.ObjectiveUsd!.Value) <= 1e-9 * Math.Abs(a.ObjectiveUsd.Value), $"draw {a.Draw}: {b.ObjectiveUsd} kept, {a.ObjectiveUsd} rebuilt");
    }

    [Fact]
    public void On_the_default_network_kept_models_give_every_draw_the_objective_and_builds_of_a_fresh_build()
    {
        var (source, _) = NetworkSource.Read(Nets.DefaultNetworkPath());
        var request = new UncertaintyRequest(40, Seed: 3, Tornado: false, Regret: false);

        var kept = UncertaintyAnalysis.Run(source!, request, Nets.Settings(parallel: 2));
        var rebuilt = UncertaintyAnalysis.Run(source!, request with { RebuildEachDraw = true }, Nets.Settings(parallel: 2));

        Assert.Equal(0, kept.Rebuilds);
        AssertSameDraws(rebuilt, kept);
    }

    /// <summary>The micro timeline of the class comment; the old tariff cites seed old-tariff.</summary>
    private static NetworkSnapshot Timeline(double capex, double tariff)
    {
        var snapshot = Nets.Builder()
            .Add(Nets.Mine("mine", 100)).Add(Nets.Port("port")).Add(Nets.Market("market"))
            .Add(Nets.Link("old", "mine", "port", tariff))
            .Add(Nets.Link("new", "mine", "port", 2, builtBy: "shortcut"))
            .Add(Nets.Link("sea", "port", "market", 0, mode: TransportMode.Sea))
            .Add(Nets.Option("shortcut", capex) with { LeadTimeYears = 4 })
            .Add(new FigureProvenance(TariffPath, tariff, "usdPerTonne", new SeedId("old-tariff")))
            .Build();
        ImmutableArray<PlanningPeriod> periods =
        [
            new(new PeriodId("early"), "2026–2028", 2026, 3, []),
            new(new PeriodId("late"), "2029–2038", 2029, 10, []),
        ];
        return NetworkBuilder.From(snapshot).WithPeriods(periods, [snapshot, snapshot]).Build();
    }
}
