using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis.Tests;

/// <summary><c>resilience</c> on plans over time: outages from the start of a period for a number of years, losses in present value.</summary>
public sealed class TimedResilienceAnalysisTests
{
    // r = 10%; 100 t/yr in 2025–2026 and 2027–2028. Link a costs 2 USD/t, link b 5 USD/t: losing a costs 300 USD a year.
    // Base: 200 × (1 + 1/1.1 + 1/1.21 + 1/1.331) = 200 × 3.486852 = 697.370.
    private static NetworkSnapshot Plan() => Timelines.Plan(t => Timelines.TwoRoutes(t, 0.1), (2025, 2, 100), (2027, 2, 100));

    private static Outage Find(ResilienceReport report, string id) => report.Outages.Single(o => o.ElementId == id && o.Kind == OutageKind.Link);

    [Fact]
    public void By_default_an_outage_lasts_the_first_period_and_its_loss_is_a_present_value()
    {
        // Link a out in 2025–2026: 300 × (1 + 1/1.1) = 572.727, operational and strategic alike (there are no options).
        // The sea link out: nothing ships in those two years, 100 t × 2 = 200 t lost.
        var report = ResilienceAnalysis.Run(Plan(), Nets.Settings());

        Assert.Equal(new OutageWindow("p2025", 2025, 2, 2025), report.Window);
        Assert.Equal(697.370, report.BaseCostUsd!.Value, 3);
        var a = Find(report, "a");
        Assert.Equal(572.727, a.Operational.ExtraAnnualCostUsd!.Value, 3);
        Assert.Equal(572.727, a.Strategic.ExtraAnnualCostUsd!.Value, 3);
        Assert.Equal(0, Find(report, "b").Operational.ExtraAnnualCostUsd);
        var sea = Find(report, "sea");
        Assert.Equal(200, sea.Operational.UnshippedTonnes, 6);
        Assert.Equal(200, sea.Strategic.UnshippedTonnes, 6);
        Assert.Equal("sea", report.Outages[0].ElementId);
    }

    [Fact]
    public void An_outage_of_one_year_in_the_second_period_counts_that_year_only_at_its_discount_factor()
    {
        // Link a out in 2027 only (the period 2027–2028 is split at 2028): 300 / 1.1² = 247.934. The sea link: 100 t lost.
        // The base on the split periods is the same plan: 697.370.
        var report = ResilienceAnalysis.Run(Plan(), Nets.Settings(), new OutageTiming("p2027", 1));

        Assert.Equal("2027", report.Window!.Span);
        Assert.Equal(697.370, report.BaseCostUsd!.Value, 3);
        Assert.Equal(247.934, Find(report, "a").Operational.ExtraAnnualCostUsd!.Value, 3);
        Assert.Equal(247.934, Find(report, "a").Strategic.ExtraAnnualCostUsd!.Value, 3);
        Assert.Equal(100, Find(report, "sea").Operational.UnshippedTonnes, 6);
    }

    [Fact]
    public void The_strategic_answer_may_move_a_build_that_the_operational_answer_keeps()
    {
        // r = 0, 100 t in 2025 and in 2026; the shortcut (capex 100, life 2) is built for 2025: 200 + 200 + 100 = 500.
        // Its link out in 2025: operational keeps the build and ships by the old link that year: +800.
        // Strategic builds it for 2026 instead: 1,000 + 200 + 100 − 50 (residual) = 1,250, +750.
        var plan = Timelines.Plan(t => Timelines.Shortcut(t, 100, 2, 0), (2025, 1, 100), (2026, 1, 100));
        var report = ResilienceAnalysis.Run(plan, Nets.Settings(), new OutageTiming("p2025", 1));

        Assert.Equal(500, report.BaseCostUsd!.Value, 6);
        var outage = Find(report, "new");
        Assert.Equal(800, outage.Operational.ExtraAnnualCostUsd!.Value, 6);
        Assert.Equal(750, outage.Strategic.ExtraAnnualCostUsd!.Value, 6);
        Assert.Equal(new[] { new ScheduledOption(new OptionId("shortcut"), 2026) }, outage.Strategic.Schedule!.Value.ToArray());
        Assert.Equal(new[] { new ScheduledOption(new OptionId("shortcut"), 2025) }, outage.Operational.Schedule!.Value.ToArray());
    }

    [Theory]
    [InlineData("p2030", null, "no period 'p2030'")]
    [InlineData("p2027", 3, "1 to 2 years")]
    [InlineData(null, 0, "1 to 4 years")]
    public void A_period_the_plan_does_not_have_or_a_duration_past_the_horizon_is_an_input_error(string? period, int? years, string message)
    {
        var error = Assert.Throws<AnalysisInputException>(() => ResilienceAnalysis.Window(Plan(), new OutageTiming(period, years)));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
