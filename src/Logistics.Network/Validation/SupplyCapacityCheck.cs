using System.Globalization;

using Logistics.Network.Diagnostics;
using Logistics.Network.Model;

namespace Logistics.Network.Validation;

/// <summary>
/// A mine whose output exceeds the maximum flow it can send to the markets (ports if there are none), with every
/// option built, can never ship everything. Port throughput is a capacity on the port (the node is split in two);
/// a shared single-track link is counted with its full capacity each way, so the bound is optimistic and a warning is certain.
/// Each commodity is also checked alone, over the links it may use (link commodities, enabled mode bans) to the markets that demand it.
/// </summary>
public static class SupplyCapacityCheck
{
    private const double Unlimited = 1e13;

    public static IEnumerable<Diagnostic> Run(ValidationContext c)
    {
        var network = c.Network;
        var mines = network.NodesOfKind(NodeKind.Mine).Where(m => m.Supplies.Sum(s => s.TonnesPerYear) > 0).ToList();
        if (mines.Count == 0) yield break;
        var buildable = network.Options.Where(o => o.Decision != BuildDecision.ForcedOut).ToList();
        var linkAdds = buildable.SelectMany(o => o.CapacityAdds).Where(a => a.Link is not null).GroupBy(a => a.Link!.Value).ToDictionary(g => g.Key, g => g.Sum(a => a.AddedTpy));
        var portAdds = buildable.SelectMany(o => o.CapacityAdds).Where(a => a.Port is not null).GroupBy(a => a.Port!.Value).ToDictionary(g => g.Key, g => g.Sum(a => a.AddedTpy));
        var vertices = new Vertices(network);

        var markets = network.NodesOfKind(NodeKind.Market).ToList();
        var sinkNodes = markets.Count > 0 ? markets : network.NodesOfKind(NodeKind.Port).ToList();
        // The graphs do not depend on the mine: build the whole one once and one per commodity when first needed (the
        // maximum flow from each mine is the check itself).
        var whole = Graph(network, vertices, linkAdds, portAdds, TransportGraph.UsableLinks(network), sinkNodes);
        // One maximum flow from all the mines at once, each capped at its supply: when it ships everything, every mine
        // alone can ship its own (its flow in the joint plan is a feasible flow for it), so no mine needs its own flow.
        // Only when the joint flow falls short are the mines checked one by one, which names the ones that are short.
        var everyMineShips = Ships(whole, vertices, mines.Select(m => (vertices.Out(m), m.Supplies.Sum(s => s.TonnesPerYear))));
        var byCommodity = new Dictionary<CommodityId, (FlowGraph Graph, bool EveryMineShips)>();
        foreach (var mine in mines)
        {
            var supply = mine.Supplies.Sum(s => s.TonnesPerYear);
            var flow = everyMineShips ? supply : MaxFlow(whole, vertices, vertices.Out(mine));
            var totalShort = flow > 0 && supply > (flow * (1 + 1e-9)) + 1e-6; // no flow at all is a reachability error, reported there
            if (totalShort)
            {
                yield return c.At(DiagnosticCodes.SupplyExceedsCapacity, $"nodes[{mine.Id}].supply",
                    $"Mine '{mine.Id}' supplies {Tpy(supply)} t/y but at most {Tpy(Math.Min(flow, Unlimited))} t/y can leave it towards the {(markets.Count > 0 ? "markets" : "ports")}, even with every option built (maximum flow over link and port capacities).");
            }

            // Per commodity, only over the links it may use (link commodities, enabled mode bans) to the markets that demand it.
            if (markets.Count == 0 || (totalShort && mine.Supplies.Length == 1)) continue;
            foreach (var s in mine.Supplies.Where(s => s.TonnesPerYear > 0))
            {
                if (!byCommodity.TryGetValue(s.Commodity, out var routes))
                {
                    var bans = network.Rules.OfType<ModeBanRule>().Where(r => r.Enabled && r.Commodity == s.Commodity).Select(r => r.Mode).ToHashSet();
                    var buyers = markets.Where(m => m.Demands.Any(d => d.Commodity == s.Commodity && d.MaxTpy is not <= 0)).ToList();
                    var graph = Graph(network, vertices, linkAdds, portAdds, LinkIndex.Of(network).UsableFor(s.Commodity).Where(l => !bans.Contains(l.Mode)), buyers);
                    var suppliers = mines.Select(m => (vertices.Out(m), m.Supplies.Where(x => x.Commodity == s.Commodity).Sum(x => x.TonnesPerYear))).Where(x => x.Item2 > 0);
                    byCommodity[s.Commodity] = routes = (graph, Ships(graph, vertices, suppliers));
                }

                if (routes.EveryMineShips) continue;
                var commodityFlow = MaxFlow(routes.Graph, vertices, vertices.Out(mine));
                if (commodityFlow > 0 && s.TonnesPerYear > (commodityFlow * (1 + 1e-9)) + 1e-6) // no flow at all is LG0508
                {
                    yield return c.At(DiagnosticCodes.SupplyExceedsCapacity, $"nodes[{mine.Id}].supply[{s.Commodity}]",
                        $"Mine '{mine.Id}' supplies {Tpy(s.TonnesPerYear)} t/y of {s.Commodity} but at most {Tpy(Math.Min(commodityFlow, Unlimited))} t/y of it can reach the markets that demand it over the links and modes it may use, even with every option built.");
                }
            }
        }
    }

    /// <summary>Link and port capacities with every option built; ports are split in two so their throughput is an edge.</summary>
    private static FlowGraph Graph(NetworkSnapshot network, Vertices vertices, Dictionary<LinkId, double> linkAdds,
        Dictionary<NodeId, double> portAdds, IEnumerable<Link> links, List<Node> sinkNodes)
    {
        var graph = new FlowGraph(vertices.Count);
        foreach (var node in network.Nodes)
        {
            if (node.Kind != NodeKind.Port) continue;
            var capacity = node.Port?.ThroughputCapacityTpy is { } cap ? cap + portAdds.GetValueOrDefault(node.Id) : Unlimited;
            graph.AddEdge(vertices.In(node), vertices.Out(node), capacity);
        }

        foreach (var link in links)
        {
            var capacity = link.CapacityTpy is { } cap ? cap + linkAdds.GetValueOrDefault(link.Id) : Unlimited;
            var from = network.Node(link.From);
            var to = network.Node(link.To);
            graph.AddEdge(vertices.Out(from), vertices.In(to), capacity);
            if (link.Direction == LinkDirection.BothWays) graph.AddEdge(vertices.Out(to), vertices.In(from), capacity);
        }

        foreach (var sinkNode in sinkNodes)
            graph.AddEdge(vertices.Out(sinkNode), vertices.Sink, Unlimited);
        return graph;
    }

    /// <summary>True when the mines, each capped at its tonnes, can all ship everything at once (to within 1e-6 t/y).</summary>
    private static bool Ships(FlowGraph graph, Vertices vertices, IEnumerable<(int Vertex, double Tonnes)> sources)
    {
        var capped = sources.ToList();
        return capped.Sum(s => s.Tonnes) - graph.MaxFlow(capped, vertices.Sink) <= 1e-6;
    }

    private static double MaxFlow(FlowGraph graph, Vertices vertices, int source) => graph.MaxFlow([(source, double.PositiveInfinity)], vertices.Sink);

    /// <summary>Flow vertices: a node's inflow side (2i) and outflow side (2i + 1 for a port, split by its throughput; 2i otherwise), then the sink.</summary>
    private sealed class Vertices
    {
        private readonly Dictionary<NodeId, int> _index = [];

        public Vertices(NetworkSnapshot network)
        {
            foreach (var node in network.Nodes)
                _index.TryAdd(node.Id, _index.Count);
            Sink = 2 * _index.Count;
        }

        public int Count => Sink + 1;

        public int Sink { get; }

        public int In(Node node) => 2 * _index[node.Id];

        public int Out(Node node) => In(node) + (node.Kind == NodeKind.Port ? 1 : 0);
    }

    private static string Tpy(double t) => t.ToString("#,0", CultureInfo.InvariantCulture);
}
