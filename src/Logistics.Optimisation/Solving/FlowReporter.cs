using System.Collections.Immutable;

using Logistics.Network.Model;
using Logistics.Optimisation.Model;

namespace Logistics.Optimisation.Solving;

/// <summary>Turns solved values into the per-element result records: builds, link and port flows, bottlenecks, deliveries, unshipped output.</summary>
internal static class FlowReporter
{
    /// <summary>A capacity counts as a bottleneck from this share of use upwards.</summary>
    public const double BottleneckThreshold = 0.999;

    public static ImmutableArray<BuildResult> Builds(NetworkSnapshot network, SolutionValues? values)
    {
        // Links by the option that builds them, in link order: one pass, not one pass over the links per option.
        var builtBy = network.Links.Where(l => l.BuiltBy is not null).ToLookup(l => l.BuiltBy!.Value);
        return [.. network.Options.Select(o => new BuildResult(
            o.Id,
            o.Name,
            values?.IsBuilt(o.Id) ?? false,
            o.Decision,
            o.CapexUsd,
            CostCoefficients.AnnualisedCapex(network, o),
            o.FixedOmUsdPerYear,
            o.LifetimeYears,
            [.. builtBy[o.Id].Select(l => l.Id)],
            o.CapacityAdds.IsDefault ? [] : [.. o.CapacityAdds.Select(c => new CapacityAddResult(c.Link, c.Port, c.AddedTpy))]))];
    }

    /// <summary>Effective capacity of a link pool in this solution: null when unlimited, 0 when its option is not built.</summary>
    public static double? LinkCapacity(SolutionValues values, Link link)
    {
        if (!values.LinkExists(link))
            return 0;
        if (link.CapacityTpy is not { } capacity)
            return null;
        return capacity + values.Model.LinkIncrements(link.Id).Where(i => values.IsBuilt(i.Option.Id)).Sum(i => i.Added);
    }

    public static double? PortCapacity(SolutionValues values, Node port)
    {
        if (port.Port?.ThroughputCapacityTpy is not { } capacity)
            return null;
        return capacity + values.Model.PortIncrements(port.Id).Where(i => values.IsBuilt(i.Option.Id)).Sum(i => i.Added);
    }

    public static ImmutableArray<LinkFlowResult> LinkFlows(SolutionValues values)
    {
        var model = values.Model;
        var results = new List<LinkFlowResult>();
        var layersByCommodity = model.Layers.GroupBy(l => l.Commodity).ToList();
        foreach (var arc in model.Graph.Arcs.Where(a => a.Kind == ArcKind.Link))
        {
            var link = arc.Link!;
            var byCommodity = layersByCommodity
                .Select(g => new CommodityTonnes(g.Key, g.Sum(l => values.Flow[l.Index, arc.Index])))
                .Where(c => c.TonnesPerYear != 0)
                .OrderBy(c => c.Commodity)
                .ToImmutableArray();
            var total = values.ArcTotal(arc);
            var capacity = LinkCapacity(values, link);
            var counted = IsShared(link) ? model.Graph.ArcsOf(link.Id).Sum(values.ArcTotal) : total;
            results.Add(new LinkFlowResult(link.Id, arc.Travel, arc.FromNode, arc.ToNode, link.Mode, byCommodity, total, capacity, Utilisation(counted, capacity)));
        }

        return [.. results.OrderBy(r => r.Link).ThenBy(r => r.Direction)];
    }

    public static ImmutableArray<PortFlowResult> PortFlows(SolutionValues values)
    {
        var model = values.Model;
        // Arcs by the port they enter, in arc order (so sums add in the same order): one pass, not one per port.
        var entering = model.Graph.Arcs.Where(a => a.EntersPort is not null).ToLookup(a => a.EntersPort!.Value);
        return [.. model.Network.NodesOfKind(NodeKind.Port).Select(port =>
        {
            var throughput = entering[port.Id].Sum(values.ArcTotal);
            var capacity = PortCapacity(values, port);
            return new PortFlowResult(port.Id, throughput, capacity, Utilisation(throughput, capacity));
        })];
    }

    public static ImmutableArray<Bottleneck> Bottlenecks(ImmutableArray<LinkFlowResult> links, ImmutableArray<PortFlowResult> ports, NetworkSnapshot network)
    {
        var result = new List<Bottleneck>();
        foreach (var group in links.GroupBy(l => l.Link))
        {
            var link = network.Link(group.Key);
            if (IsShared(link))
            {
                var first = group.First();
                if (first.CapacityTpy is { } c && c > 0 && first.Utilisation >= BottleneckThreshold)
                    result.Add(new Bottleneck(BottleneckKind.Link, link.Id.Value, null, group.Sum(l => l.TotalTpy), c, first.Utilisation.Value));
                continue;
            }

            foreach (var flow in group)
            {
                if (flow.CapacityTpy is { } c && c > 0 && flow.Utilisation >= BottleneckThreshold)
                    result.Add(new Bottleneck(BottleneckKind.Link, link.Id.Value, flow.Direction, flow.TotalTpy, c, flow.Utilisation.Value));
            }
        }

        foreach (var port in ports)
        {
            if (port.CapacityTpy is { } c && c > 0 && port.Utilisation >= BottleneckThreshold)
                result.Add(new Bottleneck(BottleneckKind.Port, port.Port.Value, null, port.ThroughputTpy, c, port.Utilisation.Value));
        }

        return [.. result];
    }

    public static ImmutableArray<DeliveryResult> Deliveries(SolutionValues values) =>
        [.. values.Model.Classes.Select(c =>
        {
            var tonnes = values.Delivered[c.Index];
            var revenue = c.Demand.PriceUsdPerTonne is { } price ? price * tonnes : 0;
            return new DeliveryResult(c.Commodity, c.Market, tonnes, c.Demand.MinTpy, c.Demand.MaxTpy, c.Demand.PriceUsdPerTonne, revenue);
        }).OrderBy(d => d.Commodity).ThenBy(d => d.Market)];

    public static ImmutableArray<UnshippedResult> Unshipped(SolutionValues values) =>
        [.. values.Unshipped.Select(u => new UnshippedResult(
            u.Key.Mine,
            u.Key.Commodity,
            u.Value,
            values.Model.Network.Node(u.Key.Mine).Supplies.Where(s => s.Commodity == u.Key.Commodity).Sum(s => s.TonnesPerYear)))
            .OrderBy(u => u.Mine).ThenBy(u => u.Commodity)];

    private static bool IsShared(Link link) => link.Direction == LinkDirection.BothWays && link.Sharing == CapacitySharing.SharedBothWays;

    private static double? Utilisation(double used, double? capacity) => capacity is { } c && c > 0 ? used / c : null;
}
