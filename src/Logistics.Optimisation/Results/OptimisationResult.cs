using System.Collections.Immutable;

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
