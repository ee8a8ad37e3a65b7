using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis.Tests;

/// <summary><c>compare</c> and <c>sweep</c> on a plan over time read from a file: present values, schedules and build years that move.</summary>
public sealed class TimedCompareSweepTests
{
    // r = 10%: 10 t in 2025, 100 t in 2026. Shortcut (life 2) for 2025: 20 + 181.818 + C; for 2026: 100 + 181.818 + C (1/1.1 − 0.5/1.21)
    // = 281.818 + 0.495868 C; never: 1,009.091. So 2025 below C = 80 / 0.504132 = 158.689, 2026 up to 727.273 / 0.495868 = 1,466.667, never above.
    private static NetworkSnapshot Plan(double capex) => Timelines.Plan(t => Timelines.Shortcut(t, capex, 2, 0.1), (2025, 1, 10), (2026, 1, 100));

    [Fact]
    public void A_sweep_over_the_capex_finds_where_the_build_year_moves_and_where_the_option_drops_out()
    {
        var report = SweepAnalysis.Run(Nets.Source(Plan(1000)), new SweepRequest("options[shortcut].capexUsd", 0, 2000, 5, Tolerance: 0.01), Nets.Settings());

        Assert.Equal(2025, report.PresentValueBaseYear);
        // C = 0: 201.818; 500: 281.818 + 247.934 = 529.752; 1,000: 777.686; 1,500 and 2,000: never, 1,009.091.
        Assert.Equal([201.818, 529.752, 777.686, 1009.091, 1009.091], report.Points.Select(p => Math.Round(p.ObjectiveUsd!.Value, 3)));
        Assert.Equal([2025, 2026, 2026], report.Points.Take(3).Select(p => p.Schedule!.Value.Single().ServiceYear));
        Assert.Equal(2, report.SwitchingPoints.Length);
        var moved = report.SwitchingPoints[0];
        Assert.InRange(158.689, moved.Lower, moved.Upper);
        Assert.Equal(new[] { "shortcut moves 2025 → 2026" }, moved.ScheduleChanges().ToArray());
        Assert.Equal(moved.BuiltBelow.ToArray(), moved.BuiltAbove.ToArray());
        var dropped = report.SwitchingPoints[1];
        Assert.InRange(1466.667, dropped.Lower, dropped.Upper);
        Assert.Equal(new[] { "shortcut dropped (was 2026)" }, dropped.ScheduleChanges().ToArray());
    }

    [Fact]
    public void Compare_reports_present_values_and_each_scenarios_schedule_with_the_years_that_move()
    {
        // Base (C = 1,000): built for 2026, 777.686. Scenario "cheap" (C = 100 < 158.689): built for 2025, 20 + 181.818 + 100 = 301.818.
        var network = NetworkBuilder.From(Plan(1000))
            .Add(new Scenario(new ScenarioId("cheap"), "Cheap shortcut", "Capex 100.", [new ScenarioChange("options[shortcut].capexUsd", ChangeOperation.Set, 100)], [], [], [], [], []))
            .Build();
        var report = CompareAnalysis.Run(Nets.Source(network), ["cheap"], Nets.Settings());

        Assert.Equal(2025, report.PresentValueBaseYear);
        Assert.Equal("2025", report.FirstPeriod);
        Assert.Equal(777.686, report.Base.AnnualCostUsd!.Value, 3);
        var cheap = report.Outcomes[1];
        Assert.Equal(301.818, cheap.AnnualCostUsd!.Value, 3);
        Assert.Equal(new[] { new ScheduledOption(new OptionId("shortcut"), 2026) }, report.Base.Schedule!.Value.ToArray());
        Assert.Equal(new[] { new ScheduledOption(new OptionId("shortcut"), 2025) }, cheap.Schedule!.Value.ToArray());
        Assert.Equal(new[] { "shortcut 2026 → 2025" }, cheap.BuildsMoved!.Value.ToArray());
        Assert.Empty(cheap.BuildsAdded);
        Assert.DoesNotContain(cheap.CostByCategory, c => c.Category == CostCategory.AnnualisedCapex && c.UsdPerYear != 0);
    }

    [Fact]
    public void A_one_period_compare_and_sweep_keep_their_json_without_present_value_fields()
    {
        var compare = AnalysisJson.Serialize(CompareAnalysis.Run(Nets.Source(Nets.Shortcut(150)), [], Nets.Settings()));
        var sweep = AnalysisJson.Serialize(SweepAnalysis.Run(Nets.Source(Nets.Shortcut(150)), new SweepRequest("links[old].tariffUsdPerTonne", 1, 5, 3), Nets.Settings()));
        Assert.DoesNotContain("presentValueBaseYear", compare, StringComparison.Ordinal);
        Assert.DoesNotContain("buildsMoved", compare, StringComparison.Ordinal);
        Assert.DoesNotContain("presentValueBaseYear", sweep, StringComparison.Ordinal);
        Assert.DoesNotContain("schedule", sweep, StringComparison.OrdinalIgnoreCase);
    }
}
