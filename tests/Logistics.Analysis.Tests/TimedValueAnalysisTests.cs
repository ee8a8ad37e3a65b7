using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis.Tests;

/// <summary><c>value</c> on plans over time, solved by hand (docs/analyses.md, "value with timing").</summary>
public sealed class TimedValueAnalysisTests
{
    [Fact]
    public void Discounting_that_favours_a_later_build_gives_waiting_a_positive_value_and_the_break_even_capex_follows_from_the_present_value_terms()
    {
        // r = 10%. 2025: 10 t, 2026: 100 t (one year each; horizon end 2027). Shortcut: capex 1,000, life 2, saves 8 USD/t.
        // With it (best year 2026): 10·10 + 100·2/1.1 + 1,000/1.1 − (1,000 · 1/2)/1.1² = 100 + 181.818 + 909.091 − 413.223 = 777.686.
        // Without: 100 + 1,000/1.1 = 1,009.091. NPV = 1,009.091 − 777.686 = 231.405.
        // First possible year 2025 (no lead time): 10·2 + 181.818 + 1,000 − 0 (life used up) = 1,201.818; waiting is worth 424.132.
        // k(2026) = 1/1.1 − 0.5/1.21 = 0.495868; break-even capex = 1,000 + 231.405 / 0.495868 = 1,466.667
        // (check: 281.818 + 1,466.667 · 0.495868 = 1,009.091 = without).
        var plan = Timelines.Plan(t => Timelines.Shortcut(t, 1000, 2, 0.1), (2025, 1, 10), (2026, 1, 100));
        var report = ValueAnalysis.Run(plan, Nets.Settings());

        var row = Assert.Single(report.Valuations);
        var t = row.Timing!;
        Assert.Equal(2026, t.BestYear);
        Assert.Equal(2025, t.FirstPossibleYear);
        Assert.Equal(777.686, t.PresentValueWithUsd!.Value, 3);
        Assert.Equal(1009.091, t.PresentValueWithoutUsd!.Value, 3);
        Assert.Equal(1201.818, t.PresentValueFirstYearUsd!.Value, 3);
        Assert.Equal(231.405, t.NpvUsd!.Value, 3);
        Assert.Equal(424.132, t.ValueOfWaitingUsd!.Value, 3);
        Assert.Equal(1466.667, t.BreakEvenCapexUsd!.Value, 3);
        Assert.Equal(t.BreakEvenCapexUsd, t.BreakEvenOwnCapexUsd);
        Assert.Equal(new[] { new ScheduledOption(new OptionId("shortcut"), 2026) }, t.ScheduleWith.ToArray());
        Assert.Empty(t.ScheduleWithout);
        Assert.Equal(new[] { new ScheduledOption(new OptionId("shortcut"), 2025) }, t.ScheduleFirstYear.ToArray());
        Assert.Equal(2027, report.Timeline!.LastYear + 1);
        Assert.Equal(
            "shortcut in service against never built: its best year is 2026, where it is worth 231 USD in present value; waiting until 2026 rather than building for 2025 is worth 424 USD; it pays at a capex up to 1,467 USD (147% of its capex); does not pay back by the horizon's end; the optimum builds shortcut.",
            Logistics.Presentation.ValueSentences.Explain(row));
    }

    [Fact]
    public void The_irr_comes_from_the_yearly_cash_flows_with_the_residual_at_the_horizons_end_discounted_at_the_trial_rate()
    {
        // The plan above. Yearly flows of "with" against "without": 2025: 0 (both by the old link); 2026: saving 800,
        // capex 1,000 → −200; 2027 (the horizon's end): residual 500. NPV at 10%: −200/1.1 + 500/1.21 = 231.405 (= the
        // present values' difference). IRR ρ: −200/(1+ρ) + 500/(1+ρ)² = 0 → 1 + ρ = 2.5 → ρ = 150%. (Discounting the
        // residual at 10% instead would give −200/(1+ρ) + 413.223 = 0, ρ = −51.6%.) The cumulative flow without the
        // residual ends at −200: no payback within the horizon.
        var plan = Timelines.Plan(t => Timelines.Shortcut(t, 1000, 2, 0.1), (2025, 1, 10), (2026, 1, 100));
        var t = Assert.Single(ValueAnalysis.Run(plan, Nets.Settings()).Valuations).Timing!;

        Assert.Equal([2025, 2026, 2027], t.CashFlows.Select(f => f.Year));
        Assert.Equal([0, -200, 500], t.CashFlows.Select(f => Math.Round(f.NetUsd, 6)));
        Assert.Equal(800, t.CashFlows[1].OperatingSavingUsd, 6);
        Assert.Equal(1000, t.CashFlows[1].CapexUsd, 6);
        Assert.Equal(500, t.CashFlows[2].ResidualUsd, 6);
        Assert.Equal(t.NpvUsd!.Value, Finance.NetPresentValue([.. t.CashFlows.Select(f => f.NetUsd)], 0.1), 6);
        Assert.Equal(1.5, t.Irr!.Value, 6);
        Assert.Null(t.PaybackYear);
    }

    [Fact]
    public void Payback_is_the_year_the_cumulative_flow_turns_and_stays_non_negative_and_building_first_leaves_nothing_to_wait_for()
    {
        // r = 0. 100 t in 2025 (1 year) and 2026–2027 (2 years); capex 1,000, life 3. With (2025): 3·200 + 1,000 − 0 = 1,600.
        // Without: 3·1,000 = 3,000; in 2026: 1,000 + 400 + 1,000 − 1,000/3 = 2,066.667. NPV 1,400; waiting worth 0.
        // Flows: 2025: 800 − 1,000 = −200; 2026: 800 (cumulative 600: payback 2026); 2027: 800.
        // IRR: −200 + 800x + 800x² = 0, x = 1/(1+ρ) = (√2 − 1)/2 → ρ = 2/(√2 − 1) − 1 = 3.828427.
        var plan = Timelines.Plan(t => Timelines.Shortcut(t, 1000, 3, 0), (2025, 1, 100), (2026, 2, 100));
        var t = Assert.Single(ValueAnalysis.Run(plan, Nets.Settings()).Valuations).Timing!;

        Assert.Equal(2025, t.BestYear);
        Assert.Equal(1400, t.NpvUsd!.Value, 6);
        Assert.Equal(0, t.ValueOfWaitingUsd);
        Assert.Equal([-200, 800, 800, 0], t.CashFlows.Select(f => Math.Round(f.NetUsd, 6)));
        Assert.Equal(2026, t.PaybackYear);
        Assert.Equal((2 / (Math.Sqrt(2) - 1)) - 1, t.Irr!.Value, 6);
    }

    [Fact]
    public void A_lead_time_moves_the_first_possible_year_to_the_first_period_it_allows()
    {
        // Lead time 1 from base year 2025: in service 2026 at the earliest, so "first possible" is 2026, which is also
        // the best year: waiting is worth nothing. Capex 100 paid in 2025 (PV 100); r = 10%, 100 t in both years, life 2.
        // With: 1,000 + 181.818 + 100 − 50/1.21 = 1,240.496; without: 1,909.091.
        var plan = Timelines.Plan(t => Timelines.Shortcut(t, 100, 2, 0.1, leadTime: 1), (2025, 1, 100), (2026, 1, 100));
        var t = Assert.Single(ValueAnalysis.Run(plan, Nets.Settings()).Valuations).Timing!;

        Assert.Equal(2026, t.FirstPossibleYear);
        Assert.Equal(2026, t.BestYear);
        Assert.Equal(1240.496, t.PresentValueWithUsd!.Value, 3);
        Assert.Equal(0, t.ValueOfWaitingUsd);
        Assert.Equal(100, t.CashFlows.Single(f => f.Year == 2025).CapexUsd, 6);
    }

    [Fact]
    public void A_one_period_network_has_no_timing_in_its_rows_or_its_json()
    {
        var report = ValueAnalysis.Run(Nets.Shortcut(500), Nets.Settings());
        Assert.Null(report.Timeline);
        Assert.Null(Assert.Single(report.Valuations).Timing);
        var json = AnalysisJson.Serialize(report);
        Assert.DoesNotContain("timing", json, StringComparison.Ordinal);
        Assert.DoesNotContain("timeline", json, StringComparison.Ordinal);
    }
}
