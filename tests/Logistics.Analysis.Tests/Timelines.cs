using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Analysis.Tests;

/// <summary>
/// Micro plans over time for analysis tests (base year 2025; money of year t counts at (1 + r)^−(t − 2025); residual
/// value at the horizon's end = capex × max(0, life − years in service) ÷ life). Each period's snapshot is a
/// <see cref="Nets"/> network; each period also carries the change that makes it (its mine's tonnes), so the same
/// plan written to a file binds to the same snapshots.
/// </summary>
internal static class Timelines
{
    /// <summary>A plan whose period k is <paramref name="snapshot"/>(tonnes of k), with a change setting the mine's tonnes.</summary>
    public static NetworkSnapshot Plan(Func<double, NetworkSnapshot> snapshot, params (int Start, int Years, double Tonnes)[] periods)
    {
        var definitions = periods.Select(p => new PlanningPeriod(new PeriodId($"p{p.Start}"), $"{p.Start}", p.Start, p.Years,
            [new ScenarioChange("nodes[mine].supply[ore].tonnesPerYear", ChangeOperation.Set, p.Tonnes)])).ToImmutableArray();
        return NetworkBuilder.From(snapshot(periods[0].Tonnes))
            .WithPeriods(definitions, [.. periods.Select(p => snapshot(p.Tonnes))])
            .Build();
    }

    /// <summary>
    /// Mine → port by the old link at 10 USD/t, or by a new link at 2 USD/t that option <c>shortcut</c> builds (capex
    /// <paramref name="capex"/>, life <paramref name="life"/> years, no O&amp;M, no lead time unless given).
    /// </summary>
    public static NetworkSnapshot Shortcut(double tonnes, double capex, int life, double rate, int leadTime = 0) =>
        Nets.Builder(rate)
            .Add(Nets.Mine("mine", tonnes)).Add(Nets.Port("port")).Add(Nets.Market("market"))
            .Add(Nets.Link("old", "mine", "port", 10))
            .Add(Nets.Link("new", "mine", "port", 2, builtBy: "shortcut"))
            .Add(Nets.Link("sea", "port", "market", 0, mode: TransportMode.Sea))
            .Add(Nets.Option("shortcut", capex, life) with { LeadTimeYears = leadTime })
            .Build();

    /// <summary>Mine → port by link <c>a</c> at 2 USD/t or link <c>b</c> at 5 USD/t (no options): losing <c>a</c> costs 3 USD/t for as long as it is out.</summary>
    public static NetworkSnapshot TwoRoutes(double tonnes, double rate) =>
        Nets.Builder(rate)
            .Add(Nets.Mine("mine", tonnes)).Add(Nets.Port("port")).Add(Nets.Market("market"))
            .Add(Nets.Link("a", "mine", "port", 2))
            .Add(Nets.Link("b", "mine", "port", 5))
            .Add(Nets.Link("sea", "port", "market", 0, mode: TransportMode.Sea))
            .Build();
}
