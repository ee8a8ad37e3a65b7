using System.Collections.Immutable;
using System.Text.Json.Serialization;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>
/// One column of the comparison: a solved scenario (or the base) summarised, and its difference from the base.
/// When the scenario has no solution (invalid, infeasible, …) the figures are null/empty and <see cref="Diagnosis"/> says why.
/// </summary>
/// <param name="Scenario">Scenario id; null for the base network.</param>
/// <param name="Name">Scenario name as the file gives it ("Base" for the base).</param>
/// <param name="Status">Solve status; <see cref="SolveStatus.Error"/> also when the scenario did not load.</param>
/// <param name="AnnualCostUsd">The objective, USD/yr (annualised capex + O&amp;M + operating costs − revenue); for a plan over time, its present value in base-year USD (<see cref="ComparisonReport.PresentValueBaseYear"/>).</param>
/// <param name="DeltaFromBaseUsd">Annual cost minus the base's; null when either has no solution.</param>
/// <param name="Built">Options built, sorted by id.</param>
/// <param name="BuildsAdded">Built here but not in the base.</param>
/// <param name="BuildsRemoved">Built in the base but not here.</param>
/// <param name="CostByCategory">The cost breakdown by category (all commodities together), in <see cref="CostCategory"/> order.</param>
/// <param name="CostPerTonne">Delivered cost per tonne by commodity, including the capex share.</param>
/// <param name="PortTonnes">Tonnes per year through each port of the network (0 when unused), sorted by port id.</param>
/// <param name="MainRoutes">The routes carrying the most tonnes (at most five), largest first.</param>
/// <param name="Diagnosis">Why there is no solution; null when there is one.</param>
/// <param name="Result">The full optimiser result (null when the scenario did not load).</param>
public sealed record ScenarioOutcome(
    string? Scenario,
    string Name,
    SolveStatus Status,
    string StatusMessage,
    double? AnnualCostUsd,
    double? DeltaFromBaseUsd,
    ImmutableArray<OptionId> Built,
    ImmutableArray<OptionId> BuildsAdded,
    ImmutableArray<OptionId> BuildsRemoved,
    ImmutableArray<CategoryCost> CostByCategory,
    ImmutableArray<CommodityCost> CostPerTonne,
    ImmutableArray<PortThroughput> PortTonnes,
    ImmutableArray<RouteSummary> MainRoutes,
    OutcomeDiagnosis? Diagnosis,
    OptimisationResult? Result)
{
    public bool HasSolution => AnnualCostUsd is not null;

    /// <summary>For a plan over time, the schedule (option and service year); null, and absent from JSON, for a one-period network.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<ScheduledOption>? Schedule { get; init; }

    /// <summary>For a plan over time, options whose service year differs from the base's (built in both): "rd-spur 2034 → 2031".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<string>? BuildsMoved { get; init; }
}
