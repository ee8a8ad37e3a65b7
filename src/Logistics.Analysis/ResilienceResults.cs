using System.Collections.Immutable;

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
}

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
public sealed record OutageAnswer(
    SolveStatus Status,
    double? AnnualCostUsd,
    double? ExtraAnnualCostUsd,
    double UnshippedTonnes,
    ImmutableArray<UnshippedResult> Unshipped,
    bool Penalised,
    ImmutableArray<OptionId> Built);
