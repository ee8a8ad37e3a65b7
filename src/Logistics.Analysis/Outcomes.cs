using System.Collections.Immutable;

using Logistics.Network.Model;
using Logistics.Optimisation;

namespace Logistics.Analysis;

/// <summary>Small summaries of one optimiser result that every analysis reports the same way.</summary>
public static class Outcomes
{
    /// <summary>Options the result builds, sorted by id (empty without a solution).</summary>
    public static ImmutableArray<OptionId> Built(OptimisationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.HasSolution ? [.. result.Builds.Where(b => b.Built).Select(b => b.Id).Order()] : [];
    }

    /// <summary>The builds as a hint for a neighbouring solve; null without a solution.</summary>
    public static ImmutableDictionary<OptionId, bool>? Hint(OptimisationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.HasSolution ? result.Builds.ToImmutableDictionary(b => b.Id, b => b.Built) : null;
    }

    /// <summary>Tonnes through every port of the network and each one's share of all port throughput.</summary>
    public static ImmutableArray<PortThroughput> PortShares(NetworkSnapshot network, OptimisationResult result)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(result);
        var tonnes = network.NodesOfKind(NodeKind.Port)
            .Select(p => (p.Id, Tonnes: result.PortFlows.Where(f => f.Port == p.Id).Sum(f => f.ThroughputTpy)))
            .OrderBy(p => p.Id)
            .ToList();
        var total = tonnes.Sum(t => t.Tonnes);
        return [.. tonnes.Select(t => new PortThroughput(t.Id, t.Tonnes, total > 0 ? t.Tonnes / total : 0))];
    }

    /// <summary>
    /// The plan's cost without the penalty of <see cref="NetworkVariants.WithUnshippedPenalty"/>: the objective less
    /// the revenue the penalty earned (prices the file gives still count).
    /// </summary>
    public static double CostWithoutPenalty(OptimisationResult penalised, NetworkSnapshot original)
    {
        ArgumentNullException.ThrowIfNull(penalised);
        ArgumentNullException.ThrowIfNull(original);
        var objective = penalised.Objective ?? throw new ArgumentException("The result has no solution.", nameof(penalised));
        return objective + PenaltyRevenue(penalised.Deliveries, original);
    }

    /// <summary>
    /// What the penalty of <see cref="NetworkVariants.WithUnshippedPenalty"/> earned per year on these deliveries: their
    /// revenue less what the file's own prices (in <paramref name="original"/>) pay. Add it back to a penalised cost.
    /// </summary>
    public static double PenaltyRevenue(IEnumerable<DeliveryResult> deliveries, NetworkSnapshot original)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        ArgumentNullException.ThrowIfNull(original);
        return deliveries.Sum(d => d.RevenueUsd - (d.TonnesPerYear * (FilePrice(original, d.Market, d.Commodity) ?? 0)));
    }

    /// <summary>Total tonnes delivered short of each market's minimum (in a penalised solve, where minimums were dropped).</summary>
    public static double MinimumShortfall(OptimisationResult penalised, NetworkSnapshot original)
    {
        ArgumentNullException.ThrowIfNull(penalised);
        ArgumentNullException.ThrowIfNull(original);
        return original.NodesOfKind(NodeKind.Market)
            .SelectMany(m => m.Demands.IsDefault ? [] : m.Demands.Select(d => (Market: m.Id, Demand: d)))
            .Sum(x => Math.Max(0, x.Demand.MinTpy - penalised.Deliveries.Where(d => d.Market == x.Market && d.Commodity == x.Demand.Commodity).Sum(d => d.TonnesPerYear)));
    }

    private static double? FilePrice(NetworkSnapshot network, NodeId market, CommodityId commodity) =>
        network.TryGetNode(market, out var node) && !node.Demands.IsDefault
            ? node.Demands.FirstOrDefault(d => d.Commodity == commodity)?.PriceUsdPerTonne
            : null;
}
