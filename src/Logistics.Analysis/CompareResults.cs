using System.Collections.Immutable;
using System.Text.Json.Serialization;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>The base network and a set of scenarios solved side by side (<c>logistics compare</c>).</summary>
/// <param name="NetworkName">The network's metadata name.</param>
/// <param name="Outcomes">The base first, then the scenarios in the order asked for.</param>
/// <param name="Commodities">Every commodity of the network, sorted by id (columns of the cost-per-tonne table).</param>
/// <param name="Ports">Every port of the network, sorted by id (columns of the port table).</param>
/// <param name="Options">Every investment option of the base network, sorted by id.</param>
public sealed record ComparisonReport(
    string NetworkName,
    ImmutableArray<ScenarioOutcome> Outcomes,
    ImmutableArray<CommodityId> Commodities,
    ImmutableArray<NodeId> Ports,
    ImmutableArray<OptionId> Options) : IAnalysisReport
{
    /// <summary>How many solves ran and how many stopped before proving optimality (time or gap limit).</summary>
    public SolveTally Tally { get; init; } = SolveTally.None;

    /// <summary>
    /// For a plan over time (a file with periods), the year its present values are in: every cost figure of the
    /// report is then a present value in that year's real USD over the whole horizon, not USD/yr. Null, and absent
    /// from JSON, for a one-period network.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? PresentValueBaseYear { get; init; }

    /// <summary>For a plan over time, its first period ("2028–2029"): the routes, cost per tonne and port tonnes are that period's. Null otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FirstPeriod { get; init; }

    /// <summary>The base network's outcome (always the first; not repeated in JSON).</summary>
    [JsonIgnore]
    public ScenarioOutcome Base => Outcomes[0];
}

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

/// <summary>One cost category's total, USD/yr, and its difference from the base (null for the base or without a base solution).</summary>
public sealed record CategoryCost(CostCategory Category, double UsdPerYear, double? DeltaFromBaseUsd);

/// <summary>Delivered tonnes and tonne-weighted cost per tonne of one commodity over its routes (capex share included).</summary>
public sealed record CommodityCost(CommodityId Commodity, double TonnesPerYear, double UsdPerTonne);

/// <summary>Tonnes per year through one port, and its share of all port throughput (0–1).</summary>
public sealed record PortThroughput(NodeId Port, double TonnesPerYear, double Share);

/// <summary>One route in brief: what, from where to where, through which port, how much and at what cost per tonne.</summary>
/// <param name="Path">Node ids in order, joined by " > ".</param>
public sealed record RouteSummary(CommodityId Commodity, NodeId Mine, NodeId Market, NodeId? Port, double TonnesPerYear, double UsdPerTonne, string Path);

/// <summary>
/// Why a variant has no solution, in terms a planner can act on: the load errors, or (for an infeasible model) what
/// cannot be shipped when the variant is re-solved allowing unshipped output at a penalty.
/// </summary>
/// <param name="Problems">Plain-language lines: load errors, the solver's message.</param>
/// <param name="Unshipped">Output that could not ship in the penalised re-solve, by mine and commodity.</param>
/// <param name="UnshippedTonnes">Total of <see cref="Unshipped"/>; null when no re-solve was possible.</param>
public sealed record OutcomeDiagnosis(ImmutableArray<string> Problems, ImmutableArray<UnshippedResult> Unshipped, double? UnshippedTonnes);
