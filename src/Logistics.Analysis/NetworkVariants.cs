using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Analysis;

/// <summary>The network edits analyses make: force options, fix builds, take elements out, allow unshipped output at a penalty.</summary>
public static class NetworkVariants
{
    /// <summary>A copy with each named option forced in or out.</summary>
    public static Network.Model.Network WithDecisions(Network.Model.Network network, IEnumerable<OptionId> forcedIn, IEnumerable<OptionId> forcedOut)
    {
        ArgumentNullException.ThrowIfNull(network);
        var builder = NetworkBuilder.From(network);
        foreach (var id in forcedIn)
            builder.SetDecision(id, BuildDecision.ForcedIn);
        foreach (var id in forcedOut)
            builder.SetDecision(id, BuildDecision.ForcedOut);
        return builder.Build();
    }

    /// <summary>A copy with every option forced to what <paramref name="built"/> says (the operational view: builds fixed).</summary>
    public static Network.Model.Network WithBuildsFixed(Network.Model.Network network, IReadOnlyCollection<OptionId> built)
    {
        ArgumentNullException.ThrowIfNull(network);
        var ids = network.Options.Select(o => o.Id).ToList();
        return WithDecisions(network, ids.Where(built.Contains), ids.Where(id => !built.Contains(id)));
    }

    /// <summary>
    /// A copy without the links: options lose their capacity increments on them and rules stop naming them (an
    /// option that builds a removed link still builds the rest of what it builds).
    /// </summary>
    public static Network.Model.Network WithoutLinks(Network.Model.Network network, IReadOnlyCollection<LinkId> links)
    {
        ArgumentNullException.ThrowIfNull(network);
        var builder = NetworkBuilder.From(network);
        foreach (var id in links)
            builder.RemoveLink(id);
        foreach (var option in network.Options.Where(o => !o.CapacityAdds.IsDefault && o.CapacityAdds.Any(a => a.Link is { } l && links.Contains(l))))
            builder.Replace(option with { CapacityAdds = [.. option.CapacityAdds.Where(a => a.Link is not { } l || !links.Contains(l))] });
        foreach (var rule in network.Rules.OfType<AvoidThroughRule>().Where(r => !r.AvoidLinks.IsDefault && r.AvoidLinks.Any(links.Contains)))
            builder.Replace(rule with { AvoidLinks = [.. rule.AvoidLinks.Where(l => !links.Contains(l))] });
        return builder.Build();
    }

    /// <summary>A copy where the port handles nothing: throughput capacity zero, and no option can add any.</summary>
    public static Network.Model.Network WithPortClosed(Network.Model.Network network, NodeId port)
    {
        ArgumentNullException.ThrowIfNull(network);
        var node = network.Node(port);
        var builder = NetworkBuilder.From(network)
            .Replace(node with { Port = (node.Port ?? new PortFacility(0, 0)) with { ThroughputCapacityTpy = 0 } });
        foreach (var option in network.Options.Where(o => !o.CapacityAdds.IsDefault && o.CapacityAdds.Any(a => a.Port == port)))
            builder.Replace(option with { CapacityAdds = [.. option.CapacityAdds.Where(a => a.Port != port)] });
        return builder.Build();
    }

    /// <summary>
    /// A copy in which every mine may leave output unshipped and every tonne delivered earns
    /// <see cref="UnshippedPenaltyUsdPerTonne"/> of its commodity on top of any price (the flat
    /// <paramref name="penaltyUsdPerTonne"/> plus the commodity's value per tonne), so the optimum ships all it can
    /// and, when something must stay behind, strands the least valuable cargo first. Demand minimums become zero so
    /// that they cannot make it infeasible; the caller reports any shortfall against them.
    /// </summary>
    public static Network.Model.Network WithUnshippedPenalty(Network.Model.Network network, double penaltyUsdPerTonne)
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
    public static double UnshippedPenaltyUsdPerTonne(Network.Model.Network network, CommodityId commodity, double penaltyUsdPerTonne)
    {
        ArgumentNullException.ThrowIfNull(network);
        var value = network.Commodities.FirstOrDefault(c => c.Id == commodity)?.ValueUsdPerTonne ?? 0;
        return penaltyUsdPerTonne + value;
    }
}
