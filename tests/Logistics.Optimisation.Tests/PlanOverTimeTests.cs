using Logistics.Network.Model;

using static Logistics.Optimisation.Tests.TestTimeline;

namespace Logistics.Optimisation.Tests;

/// <summary>
/// Plans over time on micro networks solved by hand (base year 2025; money of year t counts at (1 + r)^−(t − 2025);
/// residual value at the horizon's end = capex × max(0, life − years in service) / life, counted in the horizon's end year).
/// Each network: mine m → market k by road at 10 USD/t, or by a rail link at 2 USD/t that option "rail" builds.
/// </summary>
public sealed class PlanOverTimeTests
{
    private static NetworkSnapshot Corridor(double tonnes, double rate, double capex, int life, int leadTime = 0, double? railCapacity = null) =>
        TestNetwork.Create(rate)
            .Mine("m", "ore", tonnes).Market("k", "ore")
            .Link("road", "m", "k", TransportMode.Road, perTonne: 10)
            .Link("rail", "m", "k", perTonne: 2, capacity: railCapacity, builtBy: "rail")
            .Option("rail", capex, lifetime: life, leadTime: leadTime)
            .Build();

    private static OptimisationResult Solve(NetworkSnapshot network)
    {
        var result = Tests.Solve.Optimal(network);
        Assert.True(result.IsPlanOverTime);
        return result;
    }

    [Fact]
    public void Discounting_makes_building_later_cheaper_than_building_now_when_the_volume_comes_later()
    {
        // r = 10%, 2025 (10 t) and 2026 (100 t); capex 1,000, life 2.
        // Now: 10·2 + 100·2/1.1 + 1,000 − 0 = 1,201.82. Never: 10·10 + 100·10/1.1 = 1,009.09.
        // 2026: 10·10 + 100·2/1.1 + 1,000/1.1 − 500/1.21 = 100 + 181.818 + 909.091 − 413.223 = 777.686 (best).
        var network = Of((2025, 1, Corridor(10, 0.1, 1000, 2)), (2026, 1, Corridor(100, 0.1, 1000, 2)));
        var result = Solve(network);
        Assert.Equal(777.686, result.Objective!.Value, 3);
        Assert.Equal(2026, ServiceYear(result, "rail"));
        Assert.Equal(2, result.Periods.Length);
        Assert.Empty(result.Periods[0].InService);
        Assert.Equal("rail", Assert.Single(result.Periods[1].InService).Value);
        Assert.Equal(-413.223, result.Costs.Category(CostCategory.ResidualValue), 3);
        Assert.Equal(909.091, result.Costs.Category(CostCategory.CapexOutlay), 3);
    }

    [Fact]
    public void With_the_volume_from_the_start_the_same_option_is_built_now()
    {
        // r = 10%, 100 t in both years, capex 1,000, life 2. Now: 200 + 181.818 + 1,000 = 1,381.82;
        // 2026: 1,000 + 181.818 + 909.091 − 413.223 = 1,677.69; never: 1,000 + 909.09 = 1,909.09.
        var network = Of((2025, 1, Corridor(100, 0.1, 1000, 2)), (2026, 1, Corridor(100, 0.1, 1000, 2)));
        var result = Solve(network);
        Assert.Equal(1381.818, result.Objective!.Value, 3);
        Assert.Equal(2025, ServiceYear(result, "rail"));
    }

    [Fact]
    public void A_lead_time_forbids_the_early_build_and_its_capex_is_paid_while_it_is_built()
    {
        // As above but capex 100 and a lead time of 1 year: earliest in service 2026, capex paid in 2025 (PV 100).
        // 2026: 100·10 + 100·2/1.1 + 100 − 50/1.21 = 1,000 + 181.818 + 100 − 41.322 = 1,240.496. Never: 1,909.09.
        // (Without the lead time it would serve from 2025: 200 + 181.818 + 100 = 481.82.)
        var network = Of((2025, 1, Corridor(100, 0.1, 100, 2, leadTime: 1)), (2026, 1, Corridor(100, 0.1, 100, 2, leadTime: 1)));
        var result = Solve(network);
        Assert.Equal(1240.496, result.Objective!.Value, 3);
        Assert.Equal(2026, ServiceYear(result, "rail"));
        Assert.Equal(100, result.Costs.Category(CostCategory.CapexOutlay), 6);
    }

    [Fact]
    public void A_residual_value_at_the_horizon_flips_the_decision_to_build()
    {
        // r = 0, one period 2025 of 1 year, saving 8 USD/t × 100 t = 800 against capex 1,000.
        // Life 1: no residual, 200 + 1,000 = 1,200 > road 1,000: not built.
        // Life 10: residual 1,000 × 9/10 = 900, so 200 + 1,000 − 900 = 300 < 1,000: built.
        var short1 = Solve(Of((2025, 1, Corridor(100, 0, 1000, 1))));
        Assert.Equal(1000, short1.Objective!.Value, 6);
        Assert.Empty(short1.Schedule);
        var long10 = Solve(Of((2025, 1, Corridor(100, 0, 1000, 10))));
        Assert.Equal(300, long10.Objective!.Value, 6);
        Assert.Equal(2025, ServiceYear(long10, "rail"));
    }

    [Fact]
    public void A_required_option_must_be_in_service_no_later_than_the_one_that_needs_it()
    {
        // r = 0, 2025 and 2026, 100 t. Rail (capex 100, life 2, no lead) requires signals (capex 10, life 2, lead 1 year).
        // Signals serve from 2026 at the earliest, so rail does too: 1,000 (road 2025) + 200 + 100 − 50 + 10 − 5 = 1,255.
        // Alone, rail would serve from 2025 at 500.
        static NetworkSnapshot Snapshot() => TestNetwork.Create()
            .Mine("m", "ore", 100).Market("k", "ore")
            .Link("road", "m", "k", TransportMode.Road, perTonne: 10)
            .Link("rail", "m", "k", perTonne: 2, builtBy: "rail")
            .Option("rail", 100, lifetime: 2, requires: ["signals"])
            .Option("signals", 10, lifetime: 2, leadTime: 1)
            .Build();
        var result = Solve(Of((2025, 1, Snapshot()), (2026, 1, Snapshot())));
        Assert.Equal(1255, result.Objective!.Value, 6);
        Assert.Equal(2026, ServiceYear(result, "rail"));
        Assert.Equal(2026, ServiceYear(result, "signals"));
    }

    [Fact]
    public void A_budget_per_period_spreads_the_builds_over_the_periods()
    {
        // r = 0, 2025 and 2026. Mine a (100 t) and b (50 t), each with road 10/t and its own rail option (capex 100, life 2) at 2/t.
        // No budget: both in 2025: 2·150·2 + 200 = 800. At most 100 of capex per period: a in 2025 (bigger saving),
        // b in 2026: 2025 200 + 500, 2026 300, capex 200, residual of b 50: 1,150. (b first would cost 1,550.)
        static NetworkSnapshot Snapshot() => TestNetwork.Create()
            .Mine("a", "ore", 100).Mine("b", "ore", 50).Market("k", "ore")
            .Link("road-a", "a", "k", TransportMode.Road, perTonne: 10).Link("road-b", "b", "k", TransportMode.Road, perTonne: 10)
            .Link("rail-a", "a", "k", perTonne: 2, builtBy: "rail-a").Link("rail-b", "b", "k", perTonne: 2, builtBy: "rail-b")
            .Option("rail-a", 100, lifetime: 2).Option("rail-b", 100, lifetime: 2)
            .Build();
        var free = Solve(Of((2025, 1, Snapshot()), (2026, 1, Snapshot())));
        Assert.Equal(800, free.Objective!.Value, 6);
        var budgeted = Solve(WithBudgets(Of((2025, 1, Snapshot()), (2026, 1, Snapshot())), perPeriod: 100));
        Assert.Equal(1150, budgeted.Objective!.Value, 6);
        Assert.Equal(2025, ServiceYear(budgeted, "rail-a"));
        Assert.Equal(2026, ServiceYear(budgeted, "rail-b"));
        var yearly = Solve(WithBudgets(Of((2025, 1, Snapshot()), (2026, 1, Snapshot())), perYear: 100));
        Assert.Equal(1150, yearly.Objective!.Value, 6);
    }

    [Fact]
    public void Demand_that_grows_past_a_capacity_in_the_second_period_builds_the_expansion_then()
    {
        // r = 0. An existing rail line (2/t, 100 t/yr) and a road (10/t); "double" adds 100 t/yr for capex 300, life 2.
        // 2025: 80 t, all by rail: 160. 2026: 150 t: with the expansion 300 + capex 300 − residual 150 = 450;
        // without, 200 + 500 = 700. Building in 2025 would pay 300 with no residual and no saving then. Total 610.
        static NetworkSnapshot Snapshot(double tonnes) => TestNetwork.Create()
            .Mine("m", "ore", tonnes).Market("k", "ore")
            .Link("road", "m", "k", TransportMode.Road, perTonne: 10)
            .Link("rail", "m", "k", perTonne: 2, capacity: 100)
            .Option("double", 300, lifetime: 2, addToLink: "rail", added: 100)
            .Build();
        var result = Solve(Of((2025, 1, Snapshot(80)), (2026, 1, Snapshot(150))));
        Assert.Equal(610, result.Objective!.Value, 6);
        Assert.Equal(2026, ServiceYear(result, "double"));
        Assert.Equal(80, result.Periods[0].TonnesPerYear, 6);
        Assert.Equal(150, result.Periods[1].TonnesPerYear, 6);
        Assert.Equal(2, result.Periods[0].OperatingUsdPerTonne!.Value, 6);
    }

    [Fact]
    public void A_one_year_plan_at_a_zero_rate_gives_the_one_period_answer()
    {
        // At r = 0 with a one-year life, the annuity is the capex and there is no residual: the plan over one year of
        // one period is today's model. Capex 500 against a saving of 800: built, 200 + 500 = 700 either way.
        var snapshot = Corridor(100, 0, 500, 1);
        var today = Tests.Solve.Optimal(snapshot);
        var plan = Solve(Of((2025, 1, snapshot)));
        Assert.Equal(today.Objective!.Value, plan.Objective!.Value, 9);
        Assert.Equal(today.Builds.Select(b => (b.Id, b.Built)), plan.Builds.Select(b => (b.Id, b.Built)));
        Assert.Equal(today.Routes.Select(r => (r.Mine, r.Market, r.TonnesPerYear)), plan.Routes.Select(r => (r.Mine, r.Market, r.TonnesPerYear)));
    }

    [Fact]
    public void A_forced_option_with_a_year_is_in_service_from_that_year()
    {
        // Forced out until 2026 although it would pay from 2025 (r = 0, capex 100, life 2, 100 t):
        // 1,000 + 200 + 100 − 50 = 1,250 (from 2025 it would be 500).
        var plan = Of((2025, 1, Corridor(100, 0, 100, 2)), (2026, 1, Corridor(100, 0, 100, 2)));
        var result = Solve(plan.WithDecision(new OptionId("rail"), BuildDecision.ForcedOut, 2026));
        Assert.Equal(1250, result.Objective!.Value, 6);
        Assert.Equal(2026, ServiceYear(result, "rail"));
        // Forced in by 2026 one that never pays (capex 3,000): from 2025 400 + 3,000 = 3,400; from 2026
        // 1,000 + 200 + 3,000 − 1,500 = 2,700 (left free it is not built: 2,000).
        var dear = Of((2025, 1, Corridor(100, 0, 3000, 2)), (2026, 1, Corridor(100, 0, 3000, 2)));
        Assert.Empty(Solve(dear).Schedule);
        var forcedIn = Solve(dear.WithDecision(new OptionId("rail"), BuildDecision.ForcedIn, 2026));
        Assert.Equal(2700, forcedIn.Objective!.Value, 6);
        Assert.Equal(2026, ServiceYear(forcedIn, "rail"));
    }

    [Fact]
    public void An_infeasible_period_is_named_in_the_diagnosis()
    {
        // The second period's 150 t must ship over a 100 t/yr line with no option: infeasible in 2026 only.
        static NetworkSnapshot Snapshot(double tonnes) => TestNetwork.Create()
            .Mine("m", "ore", tonnes).Market("k", "ore")
            .Link("rail", "m", "k", perTonne: 2, capacity: 100)
            .Build();
        var result = new NetworkOptimiser().Solve(Of((2025, 1, Snapshot(80)), (2026, 1, Snapshot(150))), SolverSettings.Default);
        Assert.Equal(SolveStatus.Infeasible, result.Status);
        var sentence = Assert.Single(result.Diagnosis!.Conflicts);
        Assert.StartsWith("In period 'p2026' (2026): ", sentence, StringComparison.Ordinal);
    }
}
