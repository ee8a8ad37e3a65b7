using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Optimisation.Tests;

/// <summary>Makes a plan over time from test networks: the first snapshot carries the options, each period has its own snapshot.</summary>
internal static class TestTimeline
{
    public static NetworkSnapshot Of(params (int Start, int Years, NetworkSnapshot Snapshot)[] periods)
    {
        var definitions = periods.Select(p => new PlanningPeriod(new PeriodId($"p{p.Start}"), $"{p.Start}", p.Start, p.Years, [])).ToImmutableArray();
        return NetworkBuilder.From(periods[0].Snapshot)
            .WithPeriods(definitions, [.. periods.Select(p => p.Snapshot)])
            .Build();
    }

    public static NetworkSnapshot WithBudgets(NetworkSnapshot network, double? perYear = null, double? perPeriod = null) =>
        NetworkBuilder.From(network).WithMetadata(network.Metadata with { CapexBudgetPerYearUsd = perYear, CapexBudgetPerPeriodUsd = perPeriod }).Build();

    public static int? ServiceYear(OptimisationResult result, string option) =>
        result.Schedule.FirstOrDefault(b => b.Id.Value == option)?.ServiceYear;
}
