using System.Collections.Immutable;
using System.Text.Json.Serialization;

using Logistics.Network.Model;

namespace Logistics.Analysis;

/// <summary>
/// A value where the set of builds changes, bracketed by bisection to the tolerance: at <see cref="Lower"/> (the end
/// nearer the sweep's From) the optimum builds <see cref="BuiltBelow"/>, at <see cref="Upper"/> it builds <see cref="BuiltAbove"/>.
/// </summary>
/// <param name="Estimate">Midpoint of the final bracket.</param>
/// <param name="Bisections">Solves spent bracketing it.</param>
public sealed record SwitchingPoint(double Lower, double Upper, double Estimate, ImmutableArray<OptionId> BuiltBelow, ImmutableArray<OptionId> BuiltAbove, int Bisections)
{
    /// <summary>For a plan over time, the schedule at <see cref="SwitchingPoint.Lower"/>; null for a one-period network.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<ScheduledOption>? ScheduleBelow { get; init; }

    /// <summary>For a plan over time, the schedule at <see cref="SwitchingPoint.Upper"/>; null for a one-period network.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<ScheduledOption>? ScheduleAbove { get; init; }

    /// <summary>
    /// How the schedule changes across the point, one phrase per option: "rd-spur added (2034)", "rd-spur dropped
    /// (was 2034)", "rd-spur moves 2034 → 2028"; empty for a one-period network.
    /// </summary>
    public ImmutableArray<string> ScheduleChanges()
    {
        if (ScheduleBelow is not { } below || ScheduleAbove is not { } above) return [];
        var before = below.ToDictionary(s => s.Option, s => s.ServiceYear);
        var after = above.ToDictionary(s => s.Option, s => s.ServiceYear);
        return [.. before.Keys.Union(after.Keys).Order().Select(o =>
            (before.TryGetValue(o, out var b), after.TryGetValue(o, out var a)) switch
            {
                (false, true) => $"{o} added ({after[o]})",
                (true, false) => $"{o} dropped (was {before[o]})",
                _ when before[o] != after[o] => $"{o} moves {before[o]} → {after[o]}",
                _ => null,
            }).OfType<string>()];
    }
}
