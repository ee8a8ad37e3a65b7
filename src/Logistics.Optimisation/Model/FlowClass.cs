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
    public static ImmutableArray<FlowClass> For(NetworkSnapshot network)
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

/// <summary>
/// One layer of flow variables: cargo of one commodity bound for one or more markets (docs/model.md, "Flow layers").
/// Markets only need a layer of their own when a rule treats cargo differently by destination (an enabled
/// avoid-through rule that names them); every other market of a commodity shares one layer, which is an exact
/// reformulation (multi-sink flow of one commodity) with a fraction of the variables.
/// </summary>
internal sealed record FlowLayer(int Index, CommodityId Commodity, ImmutableArray<FlowClass> Classes, double Volume)
{
    /// <summary>Names every variable and row of the layer: <c>COMMODITY&gt;MARKET</c> for one market, <c>COMMODITY</c> for several.</summary>
    public string Key { get; } = Classes.Length == 1 ? Classes[0].Key : Commodity.Value;

    /// <summary>
    /// Layers for the classes: with <paramref name="aggregate"/>, one per commodity for the markets no enabled
    /// avoid-through rule names and one per class for the others; without, one per class (in class order, so a
    /// layer's index is its class's). Sorted by commodity, then the shared layer before split ones.
    /// </summary>
    public static ImmutableArray<FlowLayer> For(NetworkSnapshot network, ImmutableArray<FlowClass> classes, bool aggregate)
    {
        if (!aggregate)
            return [.. classes.Select(c => new FlowLayer(c.Index, c.Commodity, [c], c.Volume))];
        var named = network.Rules.OfType<AvoidThroughRule>()
            .Where(r => r.Enabled && !r.Markets.IsDefault)
            .SelectMany(r => r.Markets)
            .ToHashSet();
        var supplyByCommodity = network.NodesOfKind(NodeKind.Mine)
            .SelectMany(n => n.Supplies.IsDefault ? [] : n.Supplies)
            .GroupBy(s => s.Commodity)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.TonnesPerYear));
        var groups = new List<(CommodityId Commodity, ImmutableArray<FlowClass> Classes)>();
        foreach (var byCommodity in classes.GroupBy(c => c.Commodity).OrderBy(g => g.Key))
        {
            var shared = byCommodity.Where(c => !named.Contains(c.Market)).ToImmutableArray();
            if (!shared.IsEmpty)
                groups.Add((byCommodity.Key, shared));
            groups.AddRange(byCommodity.Where(c => named.Contains(c.Market)).Select(c => (byCommodity.Key, ImmutableArray.Create(c))));
        }

        return [.. groups.Select((g, i) => new FlowLayer(i, g.Commodity, g.Classes,
            g.Classes.Length == 1 ? g.Classes[0].Volume : Math.Min(supplyByCommodity.GetValueOrDefault(g.Commodity), g.Classes.Sum(c => c.Volume))))];
    }
}
