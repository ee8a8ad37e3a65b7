using System.Collections.Immutable;
using System.Text.Json.Serialization;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>What is taken out in one N-1 case.</summary>
public enum OutageKind
{
    /// <summary>One link (both directions).</summary>
    Link,

    /// <summary>Every link of a corridor at once (<see cref="Corridor"/>).</summary>
    Corridor,

    /// <summary>A port: its throughput capacity becomes zero and options cannot add any.</summary>
    Port,
}

/// <summary>How a corridor was found.</summary>
public enum CorridorSource
{
    /// <summary>A maximal chain of links of one mode through nodes of degree 2.</summary>
    Chain,

    /// <summary>The links an investment option builds or expands (a named group).</summary>
    Option,
}

/// <summary>
/// A group of links that fail together: a chain of same-mode links whose inner nodes are junctions of degree 2 (it
/// ends at any other node, or where the mode changes), or the links one option builds or expands (docs/analyses.md, "Corridors").
/// </summary>
/// <param name="Id">For a chain, its end node ids joined by "~" and the mode (e.g. <c>rohri~spezand:rail</c>); for an option group, <c>option:ID</c>.</param>
/// <param name="Links">Its links, in chain order (by id for an option group).</param>
public sealed record Corridor(string Id, string Name, CorridorSource Source, TransportMode? Mode, ImmutableArray<LinkId> Links);

/// <summary>The base optimum and every single failure ranked by harm (<c>logistics resilience</c>).</summary>
/// <param name="BaseCostUsd">Objective of the base optimum, USD/yr; null when the base has no solution.</param>
/// <param name="BaseBuilds">What the base optimum builds (the operational answers keep exactly these).</param>
/// <param name="Corridors">Every corridor considered.</param>
/// <param name="Outages">Every outage, most harmful first (<see cref="ResilienceAnalysis"/> documents the order).</param>
public sealed record ResilienceReport(
    string? Scenario,
    SolveStatus BaseStatus,
    double? BaseCostUsd,
    ImmutableArray<OptionId> BaseBuilds,
    double PenaltyUsdPerTonne,
    ImmutableArray<Corridor> Corridors,
    ImmutableArray<Outage> Outages) : IAnalysisReport
{
    /// <summary>How many solves ran and how many stopped before proving optimality (time or gap limit).</summary>
    public SolveTally Tally { get; init; } = SolveTally.None;

    /// <summary>
    /// For a plan over time, when the outages happen; then every cost is a present value in base-year USD (the base
    /// optimum's over the horizon, each extra cost the loss over the outage) and lost tonnes are totals over the
    /// outage. Null, and absent from JSON, for a one-period network.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OutageWindow? Window { get; init; }

    /// <summary>For a plan over time, the base optimum's schedule; null for a one-period network.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<ScheduledOption>? BaseSchedule { get; init; }
}

/// <summary>
/// When the outages of a plan over time happen: from the start of a period for a number of years (docs/analyses.md,
/// "resilience"). When the outage ends inside a period, that period is split there for every solve of the analysis,
/// the base optimum included, so the only difference between the base and an outage is the outage.
/// </summary>
/// <param name="Period">The period the outage starts in (its id).</param>
/// <param name="StartYear">The period's first year: the outage's first year.</param>
/// <param name="Years">How many years it lasts.</param>
/// <param name="PresentValueBaseYear">The year present values are in (metadata.baseYear).</param>
public sealed record OutageWindow(string Period, int StartYear, int Years, int PresentValueBaseYear)
{
    /// <summary>The outage's last year.</summary>
    public int EndYear => StartYear + Years - 1;

    /// <summary>"2028–2029", or "2028" for one year.</summary>
    public string Span => Years == 1 ? $"{StartYear}" : $"{StartYear}–{EndYear}";
}

/// <summary>What a resilience run on a plan over time asks for: the period the outage starts in (null: the first) and its length in years (null: that period's length).</summary>
public sealed record OutageTiming(string? Period = null, int? Years = null);

/// <summary>One element taken out, with the two answers.</summary>
/// <param name="ElementId">Link id, corridor id or port id.</param>
/// <param name="Links">Links removed (a port outage removes none: its capacity becomes zero).</param>
/// <param name="Rank">1 for the most harmful.</param>
public sealed record Outage(int Rank, OutageKind Kind, string ElementId, string Name, ImmutableArray<LinkId> Links, OutageAnswer Operational, OutageAnswer Strategic);

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
