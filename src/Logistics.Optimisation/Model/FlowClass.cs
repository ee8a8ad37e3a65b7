using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Optimisation.Model;

/// <summary>
/// Cargo of one commodity bound for one market. Flows are kept per class so that rules about where cargo is going
/// (avoid-through) can bind. <see cref="Volume"/> bounds what the class can carry: total supply of the commodity,
/// capped by the market's maximum.
/// </summary>
internal sealed record FlowClass(int Index, CommodityId Commodity, NodeId Market, MarketDemand Demand, double Volume)
{
    /// <summary>Computed once: it names every variable and row of the class.</summary>
    public string Key { get; } = $"{Commodity}>{Market}";

    /// <summary>Classes for every market demand some mine supplies (or that demands a minimum, which then cannot be met), sorted by market then commodity.</summary>
    public static ImmutableArray<FlowClass> For(Network.Model.Network network)
    {
        var supplyByCommodity = network.NodesOfKind(NodeKind.Mine)
            .SelectMany(n => n.Supplies.IsDefault ? [] : n.Supplies)
            .GroupBy(s => s.Commodity)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.TonnesPerYear));
        var classes = new List<FlowClass>();
        foreach (var market in network.NodesOfKind(NodeKind.Market))
        {
            if (market.Demands.IsDefault)
                continue;
            foreach (var demand in market.Demands.OrderBy(d => d.Commodity))
            {
                var supplied = supplyByCommodity.GetValueOrDefault(demand.Commodity);
                if (supplied <= 0 && demand.MinTpy <= 0)
                    continue;
                var volume = Math.Min(supplied, demand.MaxTpy ?? double.PositiveInfinity);
                classes.Add(new FlowClass(classes.Count, demand.Commodity, market.Id, demand, volume));
            }
        }

        return [.. classes];
    }
}
