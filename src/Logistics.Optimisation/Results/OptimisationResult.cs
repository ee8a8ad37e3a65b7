using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Optimisation;

/// <summary>
/// Everything one solve produced, in our own records: no OR-Tools type or status leaves this project.
/// Collections are sorted deterministically (ordinal ids); numbers below 1e-6 in magnitude are reported as 0.
/// Solution collections are empty (and <see cref="Objective"/> null) when there is no solution.
/// </summary>
/// <param name="Objective">USD per year: annualised capex + O&amp;M + operating costs − revenue.</param>
/// <param name="BestBound">The solver's proven bound on the objective (equal to it when optimal); null when no finite bound was proven.</param>
/// <param name="RelativeGap">|Objective − BestBound| / max(1, |Objective|); 0 when optimal; null when there is no bound (the gap is unknown).</param>
/// <param name="Prices">Shadow prices with the builds fixed; null without a solution, when not asked for
/// (<see cref="SolverSettings.ComputePrices"/>), or when the LP re-solve fails or the time limit leaves no room (the status message then says so).</param>
/// <param name="Diagnosis">What makes an infeasible model infeasible; null unless <see cref="Status"/> is <see cref="SolveStatus.Infeasible"/>.</param>
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
    /// <summary>Why the solve stopped (a time limit, a cancel, the gap asked for…), separate from what it proved.</summary>
    public TerminationReason Reason { get; init; } = TerminationReason.Error;

    /// <summary>True when there is a plan to read (optimal or feasible).</summary>
    public bool HasSolution => Status is SolveStatus.Optimal or SolveStatus.Feasible;

    /// <summary>
    /// Plans over time only (a file with periods): one entry per period, in time order; empty otherwise. The objective
    /// and <see cref="Costs"/> are then present values in base-year USD over the whole horizon, and the top-level routes,
    /// flows, deliveries and prices are the first period's.
    /// </summary>
    public ImmutableArray<PeriodResult> Periods { get; init; } = [];

    /// <summary>Plans over time only: the options built, by the year they enter service (then by id).</summary>
    public ImmutableArray<ScheduledBuild> Schedule { get; init; } = [];

    /// <summary>True for a plan over time (the result has periods).</summary>
    public bool IsPlanOverTime => !Periods.IsDefaultOrEmpty;
}

/// <summary>One option of a plan over time: when it enters service and what it costs in present value (base-year USD).</summary>
/// <param name="ServiceYear">First calendar year in service (the start of <paramref name="Period"/>).</param>
/// <param name="PresentValue">Present value of its capex outlays, O&amp;M to the horizon and residual value.</param>
public sealed record ScheduledBuild(OptionId Id, string Name, int ServiceYear, PeriodId Period, BuildDecision Decision, double CapexUsd, Periods.OptionPresentValue PresentValue);

/// <summary>
/// What a plan over time does in one period: the options in service, routes, flows and deliveries per year, the
/// yearly operating costs (no capex or O&amp;M: those are in the plan's present-value lines) and the prices with
/// that period's builds fixed.
/// </summary>
/// <param name="PresentValueFactor">Σ over the period's years of (1 + r)^−(year − baseYear): one USD a year in this period in base-year USD.</param>
public sealed record PeriodResult(
    PeriodId Id,
    string Name,
    int StartYear,
    int Years,
    double PresentValueFactor,
    ImmutableArray<OptionId> InService,
    ImmutableArray<RouteResult> Routes,
    ImmutableArray<LinkFlowResult> LinkFlows,
    ImmutableArray<PortFlowResult> PortFlows,
    ImmutableArray<Bottleneck> Bottlenecks,
    CostBreakdown YearlyCosts,
    ImmutableArray<DeliveryResult> Deliveries,
    ImmutableArray<UnshippedResult> Unshipped,
    PriceReport? Prices)
{
    /// <summary>Tonnes delivered per year, all commodities.</summary>
    public double TonnesPerYear => Deliveries.Sum(d => d.TonnesPerYear);

    /// <summary>Operating cost (every yearly line but revenue) per tonne delivered; null when nothing is delivered.</summary>
    public double? OperatingUsdPerTonne => TonnesPerYear > 0
        ? YearlyCosts.Lines.Where(l => l.Category != CostCategory.Revenue).Sum(l => l.UsdPerYear) / TonnesPerYear
        : null;

    public int EndYear => StartYear + Years - 1;
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
    TimeSpan WallTime)
{
    /// <summary>Time spent on the price LP (fix builds, GLOP, read duals); included in <see cref="WallTime"/>.</summary>
    public TimeSpan PriceTime { get; init; }
}

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
/// capex and O&amp;M over the tonnes that use any element it builds or expands (docs/model.md). It is an accounting
/// allocation, not a cost of moving the tonne: a route that leaves a built line stops carrying a share while the
/// capex is still paid, so compare routes by <see cref="Operating"/> and read the share beside it.
/// </summary>
public sealed record PerTonneCost(double Transport, double Handling, double Transhipment, double InTransitCapital, double Risk, double CapexShare)
{
    /// <summary>What moving one tonne on this route costs: transport, handling, transhipment, capital in transit and risk.</summary>
    public double Operating => Transport + Handling + Transhipment + InTransitCapital + Risk;

    /// <summary><see cref="Operating"/> plus <see cref="CapexShare"/>.</summary>
    public double Total => Operating + CapexShare;
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

    /// <summary>Plans over time: present value of capex paid out over construction years.</summary>
    CapexOutlay,

    /// <summary>Plans over time: present value of the residual value at the horizon's end (a credit, negative).</summary>
    ResidualValue,
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

/// <summary>
/// Shadow prices from the linear programme left when every option is fixed at its chosen value (docs/model.md,
/// "Prices"). They are conditional on those builds: building something else changes them.
/// </summary>
/// <param name="Prices">The raw dual of every capacity, supply and delivery row with a non-zero dual, by constraint
/// name: USD/yr change of the objective per unit more of the row's right-hand side.</param>
public sealed record PriceReport(ImmutableArray<ShadowPrice> Prices)
{
    /// <summary>Says that the prices hold for the chosen builds only (printed with them).</summary>
    public string Note { get; init; } = "";

    /// <summary>Binding capacities (link directions, shared pools, ports), sorted by kind, element, direction.</summary>
    public ImmutableArray<CapacityPrice> Capacities { get; init; } = [];

    /// <summary>Every flow class (commodity × market), sorted by commodity then market.</summary>
    public ImmutableArray<MarketPrice> Markets { get; init; } = [];

    /// <summary>Every mine supply, sorted by mine then commodity.</summary>
    public ImmutableArray<MineGatePrice> MineGates { get; init; } = [];
}

/// <summary>The marginal value of one constraint, USD per year per unit of its right-hand side.</summary>
public sealed record ShadowPrice(string Constraint, double UsdPerUnit);

/// <summary>A binding capacity and what one more tonne per year of it is worth.</summary>
/// <param name="Direction">The link direction; null for ports and shared single-track pools.</param>
/// <param name="ValueUsdPerTonne">USD/yr the objective falls per extra t/yr of capacity (≥ 0; 0 when the capacity binds but more of it would not help).</param>
public sealed record CapacityPrice(BottleneckKind Kind, string ElementId, LinkTravel? Direction, double CapacityTpy, double UsedTpy, double ValueUsdPerTonne);

/// <summary>Prices of one commodity at one market.</summary>
/// <param name="DeliveryDualUsdPerTonne">Dual of <c>deliver[COMMODITY&gt;MARKET]</c>: USD/yr the objective rises if the market had to take one
/// more t/yr, the tonne coming from its next best use (the market's price when the market is not at a bound).</param>
/// <param name="MarginalDeliveredCostUsdPerTonne">USD per tonne to deliver one more tonne here from the cheapest mine that ships
/// there: the delivery dual plus that mine's gate price. Includes congestion rents of binding capacities. Null when nothing ships there.</param>
public sealed record MarketPrice(CommodityId Commodity, NodeId Market, double DeliveryDualUsdPerTonne, double? MarginalDeliveredCostUsdPerTonne);

/// <summary>The marginal cost of one more tonne of a mine's output.</summary>
/// <param name="UsdPerTonne">Dual of <c>supply[MINE][COMMODITY]</c>: USD/yr the objective rises per extra t/yr of output (negative when the tonne earns more than it costs to ship; 0 when the mine leaves some output unshipped).</param>
public sealed record MineGatePrice(NodeId Mine, CommodityId Commodity, double UsdPerTonne);

/// <summary>What makes an infeasible model infeasible (docs/model.md, "Infeasibility diagnosis").</summary>
/// <param name="Conflicts">One plain sentence per finding, in the order of <see cref="Findings"/>.</param>
public sealed record InfeasibilityDiagnosis(ImmutableArray<string> Conflicts)
{
    /// <summary>The findings: what cannot be done, the elements involved, the tonnes (or USD).</summary>
    public ImmutableArray<InfeasibilityFinding> Findings { get; init; } = [];

    /// <summary>How the diagnosis was made (the elastic re-solve and its penalties), for reports.</summary>
    public string Method { get; init; } = "";
}

/// <summary>What a finding is about.</summary>
public enum FindingKind
{
    /// <summary>A mine's output cannot leave.</summary>
    SupplyCannotShip,

    /// <summary>A market's minimum cannot be delivered.</summary>
    DemandShortfall,

    /// <summary>A link needs more capacity than it has (or exists only if an option is built that is not).</summary>
    LinkCapacity,

    /// <summary>A port needs more throughput capacity than it has.</summary>
    PortCapacity,

    /// <summary>A policy rule blocks every route some cargo could take.</summary>
    Rule,

    /// <summary>The options needed cost more than the capex budget.</summary>
    Budget,

    /// <summary>Forced options contradict requires/excludes.</summary>
    OptionLogic,
}

/// <summary>One thing that cannot be done, in plain words.</summary>
/// <param name="Sentence">What cannot be done and why, naming the elements.</param>
/// <param name="Elements">Ids of the elements named (mines, markets, links, ports, rules, options), in the order the sentence names them.</param>
/// <param name="Amount">Tonnes per year that cannot be moved (USD for <see cref="FindingKind.Budget"/>).</param>
/// <param name="Unit"><c>t/yr</c> or <c>USD</c>.</param>
public sealed record InfeasibilityFinding(FindingKind Kind, string Sentence, ImmutableArray<string> Elements, double Amount, string Unit);

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
