using System.Diagnostics;
using System.Globalization;

using Logistics.Network.Model;
using Logistics.Optimisation;
using Logistics.Optimisation.Model;

namespace Logistics.Benchmarks.StandardSets;

/// <summary>What one solve of a standard instance gave, against the published value.</summary>
/// <param name="PlanCost">The plan's cost recomputed from the benchmark's own terms (fixed costs of built options plus unit
/// cost times flow on every link), independently of the solver's objective.</param>
/// <param name="Difference">(objective − known) / known; null without a known value.</param>
public sealed record StandardResult(
    string Set, string Name, string Status, double? Objective, double? Bound, double? Gap, double Seconds, double? PlanCost, KnownValue? Known, double? Difference, int Built, int Variables, int Constraints)
{
    public const string Header = "| Set | Instance | Vars | Rows | Status | Objective | Plan cost check | Bound | Gap | Seconds | Known | vs known |\n|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|";

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Set} | {Name} | {Variables} | {Constraints} | {Status} | {Objective:N2} | {PlanCost:N2} | {Bound:N2} | {Gap:P2} | {Seconds:F1} | {(Known is null ? "not found" : Known.Value.ToString("N3", CultureInfo.InvariantCulture) + (Known.ProvenOptimal ? " (opt)" : " (best known)"))} | {Difference:P3} |");

    /// <summary>
    /// An answer proved optimal (within <paramref name="gap"/>, the relative gap the solve was allowed) that differs
    /// from a published optimum by more than that gap is wrong: the model or the reader is.
    /// </summary>
    public bool ContradictsKnownOptimum(double gap) =>
        Status == nameof(SolveStatus.Optimal) && Known is { ProvenOptimal: true } && Difference is { } d && Math.Abs(d) > gap + 1e-6;

    /// <summary>The plan's cost recomputed in the benchmark's own terms differs from the solver's objective (by more than 1e-6 relative).</summary>
    public bool PlanCostDiffers => Objective is { } o && PlanCost is { } cost && Math.Abs(o - cost) > 1e-6 * Math.Max(1, Math.Abs(o));
}

public static class StandardRunner
{
    internal static StandardResult Run(StandardInstance instance, SolverSettings settings, ModelOptions? options = null)
    {
        options ??= ModelOptions.Default;
        if (instance.NegativeCosts)
            options = options with { OnlyRealBounds = true };
        var watch = Stopwatch.StartNew();
        var result = new NetworkOptimiser().Solve(instance.Network, settings, options);
        watch.Stop();
        var planCost = result.Objective is null ? (double?)null : PlanCost(instance.Network, result);
        var difference = instance.DifferenceFromKnown(result.Objective);
        return new StandardResult(instance.Set, instance.Name, result.Status.ToString(), result.Objective, result.BestBound, result.RelativeGap, watch.Elapsed.TotalSeconds,
            planCost, instance.Known, difference, result.Builds.Count(b => b.Built && b.Decision == BuildDecision.Free), result.Solver.Variables, result.Solver.Constraints);
    }

    /// <summary>
    /// The plan's cost in the benchmark's own terms, checked: every built option's yearly cost plus every link's flow
    /// times its unit cost, after confirming no unbuilt link carries flow and no link carries more than its capacity.
    /// </summary>
    public static double PlanCost(NetworkSnapshot network, OptimisationResult result)
    {
        var built = result.Builds.Where(b => b.Built).Select(b => b.Id).ToHashSet();
        var cost = network.Options.Where(o => built.Contains(o.Id)).Sum(o => o.FixedOmUsdPerYear + (o.CapexUsd * CostCoefficients.CapitalRecoveryFactor(network.Metadata.DiscountRate, o.LifetimeYears)));
        var links = network.Links.ToDictionary(l => l.Id);
        foreach (var flow in result.LinkFlows)
        {
            var link = links[flow.Link];
            var tolerance = 1e-6 * Math.Max(1, flow.TotalTpy);
            if (link.BuiltBy is { } option && !built.Contains(option) && flow.TotalTpy > tolerance)
                throw new InvalidOperationException($"Plan check failed: link {link.Id} carries {flow.TotalTpy} but its option {option} is not built.");
            if (link.CapacityTpy is { } capacity && flow.TotalTpy > capacity + tolerance)
                throw new InvalidOperationException($"Plan check failed: link {link.Id} carries {flow.TotalTpy}, above its capacity {capacity}.");
            cost += flow.TotalTpy * link.TransportUsdPerTonne;
        }

        return cost;
    }
}
