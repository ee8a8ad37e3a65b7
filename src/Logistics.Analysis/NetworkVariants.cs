using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Analysis;

/// <summary>
/// The network edits analyses make: force options, fix builds, take elements out (each an <see cref="ElementChange"/>
/// of a <see cref="FigureChangeSet"/>, the one way variants are made), and allow unshipped output at a penalty (a
/// relaxation of the model's rules that resilience and compare solve, not a variant of the network anyone names).
/// </summary>
public static class NetworkVariants
{
    /// <summary>A copy with each named option forced in or out.</summary>
    public static NetworkSnapshot WithDecisions(NetworkSnapshot network, IEnumerable<OptionId> forcedIn, IEnumerable<OptionId> forcedOut)
    {
        ArgumentNullException.ThrowIfNull(network);
        return FigureChangeSet.Of(new ForcedOptions([.. forcedIn], [.. forcedOut])).ApplyTo(network);
    }

    /// <summary>A copy with every option forced to what <paramref name="built"/> says (the operational view: builds fixed).</summary>
    public static NetworkSnapshot WithBuildsFixed(NetworkSnapshot network, IReadOnlyCollection<OptionId> built)
    {
        ArgumentNullException.ThrowIfNull(network);
        var ids = network.Options.Select(o => o.Id).ToList();
        return WithDecisions(network, ids.Where(built.Contains), ids.Where(id => !built.Contains(id)));
    }

    /// <summary>A copy without the links (<see cref="LinksTakenOut"/>: their capacity increments and avoid-list entries go too).</summary>
    public static NetworkSnapshot WithoutLinks(NetworkSnapshot network, IReadOnlyCollection<LinkId> links)
    {
        ArgumentNullException.ThrowIfNull(network);
        return FigureChangeSet.Of(new LinksTakenOut([.. links])).ApplyTo(network);
    }

    /// <summary>A copy where the port handles nothing (<see cref="PortClosed"/>: throughput capacity zero, and no option can add any).</summary>
    public static NetworkSnapshot WithPortClosed(NetworkSnapshot network, NodeId port)
    {
        ArgumentNullException.ThrowIfNull(network);
        return FigureChangeSet.Of(new PortClosed(port)).ApplyTo(network);
    }

    /// <summary>
    /// A copy in which every mine may leave output unshipped and every tonne delivered earns
    /// <see cref="UnshippedPenaltyUsdPerTonne"/> of its commodity on top of any price (the flat
    /// <paramref name="penaltyUsdPerTonne"/> plus the commodity's value per tonne), so the optimum ships all it can
    /// and, when something must stay behind, strands the least valuable cargo first. Demand minimums become zero so
    /// that they cannot make it infeasible; the caller reports any shortfall against them.
    /// </summary>
    public static NetworkSnapshot WithUnshippedPenalty(NetworkSnapshot network, double penaltyUsdPerTonne)
    {
        ArgumentNullException.ThrowIfNull(network);
        var builder = NetworkBuilder.From(network);
        foreach (var node in network.Nodes)
        {
            var supplies = node.Supplies.IsDefault ? node.Supplies : [.. node.Supplies.Select(s => s with { AllowUnshipped = true })];
            var demands = node.Demands.IsDefault
                ? node.Demands
                : [.. node.Demands.Select(d => d with { MinTpy = 0, PriceUsdPerTonne = (d.PriceUsdPerTonne ?? 0) + UnshippedPenaltyUsdPerTonne(network, d.Commodity, penaltyUsdPerTonne) })];
            builder.Replace(node with { Supplies = supplies, Demands = demands });
        }

        return builder.Build();
    }

    /// <summary>
    /// What <see cref="WithUnshippedPenalty"/> charges per tonne of <paramref name="commodity"/> left unshipped: the
    /// flat <paramref name="penaltyUsdPerTonne"/> plus the commodity's value per tonne (0 for a commodity the
    /// network does not know).
    /// </summary>
    public static double UnshippedPenaltyUsdPerTonne(NetworkSnapshot network, CommodityId commodity, double penaltyUsdPerTonne)
    {
        ArgumentNullException.ThrowIfNull(network);
        var value = network.Commodities.FirstOrDefault(c => c.Id == commodity)?.ValueUsdPerTonne ?? 0;
        return penaltyUsdPerTonne + value;
    }
}
