using System.Collections.Immutable;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>One entry of a plan over time's schedule as analyses report it: the option and the year it enters service.</summary>
public sealed record ScheduledOption(OptionId Option, int ServiceYear)
{
    /// <summary>"2034 rd-spur".</summary>
    public override string ToString() => $"{ServiceYear} {Option}";

    /// <summary>The result's schedule by service year, then id (empty for a one-period result or without a solution).</summary>
    public static ImmutableArray<ScheduledOption> Of(OptimisationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.HasSolution && !result.Schedule.IsDefault
            ? [.. result.Schedule.Select(b => new ScheduledOption(b.Id, b.ServiceYear)).OrderBy(b => b.ServiceYear).ThenBy(b => b.Option)]
            : [];
    }

    /// <summary>"2028: a, b. 2034: c." or "nothing built".</summary>
    public static string Describe(ImmutableArray<ScheduledOption> schedule) =>
        schedule.IsDefaultOrEmpty
            ? "nothing built."
            : string.Join(" ", schedule.GroupBy(s => s.ServiceYear).OrderBy(g => g.Key).Select(g => $"{g.Key}: {string.Join(", ", g.Select(s => s.Option))}."));
}
