using System.Collections.Immutable;
using System.Text.Json.Serialization;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>
/// The cost of one failure under one planning horizon: operational (builds fixed as in the base optimum, routes
/// free) or strategic (everything free).
/// </summary>
/// <param name="Status">Status of the plain solve (before any penalised re-solve).</param>
/// <param name="AnnualCostUsd">Cost of the plan, USD/yr, excluding penalties; null without a solution.</param>
/// <param name="ExtraAnnualCostUsd">Annual cost minus the base optimum's.</param>
/// <param name="UnshippedTonnes">Tonnes per year that can no longer ship (0 when the plain solve is feasible).</param>
/// <param name="Unshipped">Those tonnes by mine and commodity.</param>
/// <param name="Penalised">True when the answer comes from the penalised re-solve (the plain solve was infeasible).</param>
/// <param name="Built">Options built in this answer, sorted.</param>
/// <remarks>For a plan over time (<see cref="ResilienceReport.Window"/>): the costs are present values in base-year USD
/// (the plan with the outage, and its loss against the base optimum), <see cref="UnshippedTonnes"/> is the total over
/// the outage's years, and <see cref="Unshipped"/> lists tonnes per year in the outage's first period.</remarks>
public sealed record OutageAnswer(
    SolveStatus Status,
    double? AnnualCostUsd,
    double? ExtraAnnualCostUsd,
    double UnshippedTonnes,
    ImmutableArray<UnshippedResult> Unshipped,
    bool Penalised,
    ImmutableArray<OptionId> Built)
{
    /// <summary>For a plan over time, the answer's schedule (the base's for an operational answer); null for a one-period network.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<ScheduledOption>? Schedule { get; init; }
}
