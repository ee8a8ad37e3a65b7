using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>
/// Everything one solve produced, in our own records: no OR-Tools type or status leaves this project.
/// Collections are sorted deterministically (ordinal ids); numbers below 1e-6 in magnitude are reported as 0.
/// Solution collections are empty (and <see cref="Objective"/> null) when there is no solution.
/// </summary>
/// <param name="Objective">USD per year: annualised capex + O&amp;M + operating costs − revenue.</param>
/// <param name="BestBound">The solver's proven bound on the objective (equal to it when optimal).</param>
/// <param name="RelativeGap">|Objective − BestBound| / max(1, |Objective|); 0 when optimal.</param>
/// <param name="Prices">Shadow prices (round 2); null for now.</param>
/// <param name="Diagnosis">What makes an infeasible model infeasible (round 2); null for now.</param>
public sealed record OptimisationResult(
    SolveStatus Status,
    string StatusMessage,
    double? Objective,
    double? BestBound,
    double? RelativeGap,
    SolverRun Solver,
    ImmutableArray<BuildResult> Builds,
    ImmutableArray<RouteResult> Routes,
    ImmutableArray<LinkFlowResult> LinkFlows,
    ImmutableArray<PortFlowResult> PortFlows,
    ImmutableArray<Bottleneck> Bottlenecks,
    CostBreakdown Costs,
    ImmutableArray<DeliveryResult> Deliveries,
    ImmutableArray<UnshippedResult> Unshipped,
    PriceReport? Prices,
    InfeasibilityDiagnosis? Diagnosis)
{
    /// <summary>True when there is a plan to read (optimal or feasible).</summary>
    public bool HasSolution => Status is SolveStatus.Optimal or SolveStatus.Feasible;
}

/// <summary>How the solve ran: which backend, how big the model was, and where the time went.</summary>
/// <param name="Backend">Backend actually used (after <see cref="SolverBackend.Auto"/> chose).</param>
/// <param name="BackendName">OR-Tools name of the backend, e.g. <c>SCIP</c>.</param>
/// <param name="OrToolsVersion">OR-Tools library version, e.g. <c>9.15.6755</c>.</param>
/// <param name="BackendVersion">The backend's own version string.</param>
/// <param name="IsMip">True when the model has integer (build) variables that are not fixed.</param>
public sealed record SolverRun(
    SolverBackend Backend,
    string BackendName,
    string OrToolsVersion,
    string BackendVersion,
    bool IsMip,
    int Threads,
    int Variables,
    int Constraints,
    TimeSpan BuildTime,
    TimeSpan SolveTime,
    TimeSpan ExtractTime,
    TimeSpan WallTime);

/// <summary>Capacity an option adds to a link direction or a port, as reported.</summary>
public sealed record CapacityAddResult(LinkId? Link, NodeId? Port, double AddedTpy);

/// <summary>One investment option and what the solve decided about it.</summary>
/// <param name="AnnualisedCapexUsd">Capex × capital recovery factor (discount rate, lifetime); charged only when built.</param>
/// <param name="LinksBuilt">Links that exist only when this option is built.</param>
public sealed record BuildResult(
    OptionId Id,
    string Name,
    bool Built,
    BuildDecision Decision,
    double CapexUsd,
    double AnnualisedCapexUsd,
    double FixedOmUsd,
    int LifetimeYears,
    ImmutableArray<LinkId> LinksBuilt,
    ImmutableArray<CapacityAddResult> CapacityAdds);

/// <summary>One step of a route along a link, in the direction travelled.</summary>
public sealed record RouteLeg(LinkId Link, NodeId From, NodeId To, TransportMode Mode);

/// <summary>
/// One path of one flow class from a mine to a market, found by path stripping of the solved flows.
/// <see cref="Nodes"/> lists places in order (a mode change at a node does not repeat it).
/// </summary>
/// <param name="Port">The first port the route passes through, if any.</param>
/// <param name="TransitDays">Sum of the transit days of its links.</param>
public sealed record RouteResult(
    CommodityId Commodity,
    NodeId Mine,
    NodeId Market,
    NodeId? Port,
    ImmutableArray<NodeId> Nodes,
    ImmutableArray<RouteLeg> Links,
    double TonnesPerYear,
    double TransitDays,
    PerTonneCost PerTonneCost);

/// <summary>
/// USD per tonne of one route, by cost category. <see cref="CapexShare"/> spreads each built option's annualised
/// capex and O&amp;M over the tonnes that use any element it builds or expands (docs/model.md).
/// </summary>
public sealed record PerTonneCost(double Transport, double Handling, double Transhipment, double InTransitCapital, double Risk, double CapexShare)
{
    public double Total => Transport + Handling + Transhipment + InTransitCapital + Risk + CapexShare;
}

/// <summary>Direction of travel on a link: <c>Forward</c> is from → to.</summary>
public enum LinkTravel
{
    Forward,
    Reverse,
}

/// <summary>Tonnes of one commodity on a link direction.</summary>
public sealed record CommodityTonnes(CommodityId Commodity, double TonnesPerYear);

/// <summary>Flow on one direction of a link. For a shared (single-track) link, capacity and utilisation are of the shared pool.</summary>
/// <param name="CapacityTpy">Effective capacity including built increments; null for unlimited.</param>
/// <param name="Utilisation">Flow counted against the capacity ÷ capacity; null when unlimited or zero.</param>
public sealed record LinkFlowResult(
    LinkId Link,
    LinkTravel Direction,
    NodeId From,
    NodeId To,
    TransportMode Mode,
    ImmutableArray<CommodityTonnes> ByCommodity,
    double TotalTpy,
    double? CapacityTpy,
    double? Utilisation);

/// <summary>Throughput of a port: tonnes entering the port node.</summary>
public sealed record PortFlowResult(NodeId Port, double ThroughputTpy, double? CapacityTpy, double? Utilisation);

/// <summary>What kind of capacity binds.</summary>
public enum BottleneckKind
{
    Link,
    Port,
}

/// <summary>A capacity used to 99.9% or more. <see cref="Direction"/> is null for ports and for shared single-track links.</summary>
public sealed record Bottleneck(BottleneckKind Kind, string ElementId, LinkTravel? Direction, double UsedTpy, double CapacityTpy, double Utilisation);

/// <summary>Cost categories of the objective. Revenue lines are negative.</summary>
public enum CostCategory
{
    AnnualisedCapex,
    FixedOm,
    Transport,
    PortHandling,
    Transhipment,
    InTransitCapital,
    Risk,
    Revenue,
}

/// <summary>One line of the cost breakdown: a category for one commodity (or <see cref="CostBreakdown.SharedBucket"/>).</summary>
public sealed record CostLine(CostCategory Category, string Bucket, double UsdPerYear);

/// <summary>
/// The objective recomputed from the extracted solution, by category and by commodity. Capex and O&amp;M are in the
/// <c>shared</c> bucket. Every solve checks <see cref="Total"/> against the solver's objective.
/// </summary>
public sealed record CostBreakdown(ImmutableArray<CostLine> Lines, double Total)
{
    public const string SharedBucket = "shared";

    public static CostBreakdown Empty { get; } = new([], 0);

    public double Category(CostCategory category) => Lines.Where(l => l.Category == category).Sum(l => l.UsdPerYear);

    public double Bucket(string bucket) => Lines.Where(l => l.Bucket == bucket).Sum(l => l.UsdPerYear);
}

/// <summary>Tonnes delivered of one flow class (commodity × market) and the revenue they earn (0 without a price).</summary>
public sealed record DeliveryResult(CommodityId Commodity, NodeId Market, double TonnesPerYear, double MinTpy, double? MaxTpy, double? PriceUsdPerTonne, double RevenueUsd);

/// <summary>Output a mine leaves unshipped (only where it allows that).</summary>
public sealed record UnshippedResult(NodeId Mine, CommodityId Commodity, double TonnesPerYear, double SupplyTpy);

/// <summary>Shadow prices of capacities and demands (round 2; not yet computed, so results carry null).</summary>
public sealed record PriceReport(ImmutableArray<ShadowPrice> Prices);

/// <summary>The marginal value of one constraint, USD per year per unit of its right-hand side.</summary>
public sealed record ShadowPrice(string Constraint, double UsdPerUnit);

/// <summary>Why a model is infeasible (round 2; not yet computed, so results carry null).</summary>
public sealed record InfeasibilityDiagnosis(ImmutableArray<string> Conflicts);

/// <summary>Thrown when the cost breakdown recomputed from the solution does not add up to the solver's objective: a bug, said loudly.</summary>
public sealed class CostReconciliationException : Exception
{
    public CostReconciliationException()
    {
    }

    public CostReconciliationException(string message)
        : base(message)
    {
    }

    public CostReconciliationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CostReconciliationException(double solverObjective, double recomputed)
        : base(FormattableString.Invariant($"Cost breakdown does not reconcile: solver objective {solverObjective:R} USD/yr, recomputed from the solution {recomputed:R} USD/yr. This is a bug in the optimiser."))
    {
        SolverObjective = solverObjective;
        Recomputed = recomputed;
    }

    public double SolverObjective { get; }

    public double Recomputed { get; }
}
