using System.Collections.Immutable;

namespace Logistics.Optimisation.Solving.Pipeline;

/// <summary>The plan read back from a solved model, in our own records; costs reconciled with the objective.</summary>
internal sealed record Extraction(
    Termination Termination,
    double Objective,
    double? BestBound,
    double? RelativeGap,
    SolutionValues Values,
    CostBreakdown Costs,
    ImmutableArray<BuildResult> Builds,
    ImmutableArray<RouteResult> Routes,
    ImmutableArray<LinkFlowResult> LinkFlows,
    ImmutableArray<PortFlowResult> PortFlows,
    ImmutableArray<Bottleneck> Bottlenecks,
    ImmutableArray<DeliveryResult> Deliveries,
    ImmutableArray<UnshippedResult> Unshipped);

/// <summary>
/// Step 5: the objective, its bound and gap, every value cleaned once, the cost breakdown checked against the
/// objective, then builds, routes, flows, bottlenecks, deliveries and unshipped cargo.
/// </summary>
internal static class ExtractStep
{
    /// <summary>
    /// Backends report "no bound yet" as a huge number (SCIP: ±1e20) rather than an infinity; anything this large is
    /// not a bound on a cost in USD per year.
    /// </summary>
    private const double NoBound = 1e19;

    public static Extraction Run(SolveRun run, Termination termination)
    {
        var solver = run.Solver!;
        var objective = solver.Objective().Value();
        // The heuristics' strong relaxation may prove a better bound than the backend's own (docs/model.md).
        var bound = run.IsMip ? Math.Max(solver.Objective().BestBound(), run.Model!.RelaxationBound ?? double.NegativeInfinity) : objective;
        double? finiteBound = IsBound(bound) ? bound : termination.Status == SolveStatus.Optimal ? objective : null;
        double? gap = termination.Status == SolveStatus.Optimal && !run.IsMip ? 0
            : finiteBound is { } b ? Math.Abs(objective - b) / Math.Max(1, Math.Abs(objective))
            : null;

        if (termination.Status == SolveStatus.Feasible)
        {
            termination = termination with
            {
                Message = gap is { } g
                    ? FormattableString.Invariant($"{termination.Message} Best bound {finiteBound:F2}, relative gap {g:P4}.")
                    : $"{termination.Message} No bound proven yet, so the gap is unknown.",
            };
        }
        else if (termination.Reason == TerminationReason.Optimal && run.IsMip && gap > SolverSettings.DefaultRelativeGap)
        {
            // Optimal to the looser gap the caller asked for, not to ours.
            termination = termination with { Reason = TerminationReason.GapReached };
        }

        var values = new SolutionValues(run.Model!);
        var costs = CostAccountant.Account(values);
        CostAccountant.Reconcile(costs, objective);
        var links = FlowReporter.LinkFlows(values);
        var ports = FlowReporter.PortFlows(values);
        return new Extraction(
            termination,
            objective,
            finiteBound,
            gap,
            values,
            costs,
            FlowReporter.Builds(run.Network, values),
            RouteDecomposer.Decompose(values),
            links,
            ports,
            FlowReporter.Bottlenecks(links, ports, run.Network),
            FlowReporter.Deliveries(values),
            FlowReporter.Unshipped(values));
    }

    private static bool IsBound(double value) => double.IsFinite(value) && Math.Abs(value) < NoBound;
}
