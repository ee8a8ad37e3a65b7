using System.Globalization;

using Logistics.Network.Diagnostics;
using Logistics.Network.Model;

using QuikGraph;
using QuikGraph.Algorithms;
using QuikGraph.Algorithms.MaximumFlow;

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
    private const string Sink = "\0sink";

    public static IEnumerable<Diagnostic> Run(ValidationContext c)
    {
        var network = c.Network;
        var mines = network.NodesOfKind(NodeKind.Mine).Where(m => m.Supplies.Sum(s => s.TonnesPerYear) > 0).ToList();
        if (mines.Count == 0) yield break;
        var buildable = network.Options.Where(o => o.Decision != BuildDecision.ForcedOut).ToList();
        var linkAdds = buildable.SelectMany(o => o.CapacityAdds).Where(a => a.Link is not null).GroupBy(a => a.Link!.Value).ToDictionary(g => g.Key, g => g.Sum(a => a.AddedTpy));
        var portAdds = buildable.SelectMany(o => o.CapacityAdds).Where(a => a.Port is not null).GroupBy(a => a.Port!.Value).ToDictionary(g => g.Key, g => g.Sum(a => a.AddedTpy));

        var markets = network.NodesOfKind(NodeKind.Market).ToList();
        var sinkNodes = markets.Count > 0 ? markets : network.NodesOfKind(NodeKind.Port).ToList();
        // The graphs do not depend on the mine: build the whole one once and one per commodity when first needed (the
        // maximum flow from each mine is the check itself).
        var whole = Graph(network, linkAdds, portAdds, _ => true, sinkNodes);
        // One maximum flow from all the mines at once, each capped at its supply: when it ships everything, every mine
        // alone can ship its own (its flow in the joint plan is a feasible flow for it), so no mine needs its own flow.
        // Only when the joint flow falls short are the mines checked one by one, which names the ones that are short.
        var everyMineShips = Ships(whole, mines.Select(m => (Out(m), m.Supplies.Sum(s => s.TonnesPerYear))));
        var byCommodity = new Dictionary<CommodityId, (AdjacencyGraph<string, TaggedEdge<string, double>> Graph, bool EveryMineShips)>();
        foreach (var mine in mines)
        {
            if (Out(mine) == Sink) continue;
            var supply = mine.Supplies.Sum(s => s.TonnesPerYear);
            var flow = everyMineShips ? supply : MaxFlow(whole, Out(mine));
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
                    var graph = Graph(network, linkAdds, portAdds, l => l.Allows(s.Commodity) && !bans.Contains(l.Mode), buyers);
                    var suppliers = mines.Select(m => (Out(m), m.Supplies.Where(x => x.Commodity == s.Commodity).Sum(x => x.TonnesPerYear))).Where(x => x.Item2 > 0);
                    byCommodity[s.Commodity] = routes = (graph, Ships(graph, suppliers));
                }

                if (routes.EveryMineShips) continue;
                var commodityFlow = MaxFlow(routes.Graph, Out(mine));
                if (commodityFlow > 0 && s.TonnesPerYear > (commodityFlow * (1 + 1e-9)) + 1e-6) // no flow at all is LG0508
                {
                    yield return c.At(DiagnosticCodes.SupplyExceedsCapacity, $"nodes[{mine.Id}].supply[{s.Commodity}]",
                        $"Mine '{mine.Id}' supplies {Tpy(s.TonnesPerYear)} t/y of {s.Commodity} but at most {Tpy(Math.Min(commodityFlow, Unlimited))} t/y of it can reach the markets that demand it over the links and modes it may use, even with every option built.");
                }
            }
        }
    }

    /// <summary>Link and port capacities with every option built; ports are split in two so their throughput is an edge.</summary>
    private static AdjacencyGraph<string, TaggedEdge<string, double>> Graph(Model.Network network, Dictionary<LinkId, double> linkAdds,
        Dictionary<NodeId, double> portAdds, Func<Link, bool> allows, List<Node> sinkNodes)
    {
        var graph = new AdjacencyGraph<string, TaggedEdge<string, double>>();
        foreach (var node in network.Nodes)
        {
            graph.AddVertex(In(node));
            graph.AddVertex(Out(node));
            if (node.Kind == NodeKind.Port)
            {
                var capacity = node.Port?.ThroughputCapacityTpy is { } cap ? cap + portAdds.GetValueOrDefault(node.Id) : Unlimited;
                graph.AddEdge(new TaggedEdge<string, double>(In(node), Out(node), capacity));
            }
        }

        graph.AddVertex(Sink);
        foreach (var link in TransportGraph.UsableLinks(network).Where(allows))
        {
            var capacity = link.CapacityTpy is { } cap ? cap + linkAdds.GetValueOrDefault(link.Id) : Unlimited;
            var from = network.Node(link.From);
            var to = network.Node(link.To);
            graph.AddEdge(new TaggedEdge<string, double>(Out(from), In(to), capacity));
            if (link.Direction == LinkDirection.BothWays) graph.AddEdge(new TaggedEdge<string, double>(Out(to), In(from), capacity));
        }

        foreach (var sinkNode in sinkNodes)
            graph.AddEdge(new TaggedEdge<string, double>(Out(sinkNode), Sink, Unlimited));
        return graph;
    }

    /// <summary>True when the mines, each capped at its tonnes, can all ship everything at once (to within 1e-6 t/y).</summary>
    private static bool Ships(AdjacencyGraph<string, TaggedEdge<string, double>> graph, IEnumerable<(string Vertex, double Tonnes)> sources)
    {
        const string superSource = "\0source"; // cannot clash: ids match ^[a-z][a-z0-9-]*$
        graph.AddVertex(superSource);
        var total = 0.0;
        foreach (var (vertex, tonnes) in sources)
        {
            graph.AddEdge(new TaggedEdge<string, double>(superSource, vertex, tonnes));
            total += tonnes;
        }

        try
        {
            return total - MaxFlow(graph, superSource) <= 1e-6;
        }
        finally
        {
            graph.RemoveVertex(superSource);
        }
    }

    private static double MaxFlow(AdjacencyGraph<string, TaggedEdge<string, double>> graph, string source)
    {
        static TaggedEdge<string, double> Factory(string s, string t) => new(s, t, 0);
        var augmentor = new ReversedEdgeAugmentorAlgorithm<string, TaggedEdge<string, double>>(graph, Factory);
        augmentor.AddReversedEdges();
        try
        {
            return graph.MaximumFlow(e => e.Tag, source, Sink, out _, Factory, augmentor);
        }
        finally
        {
            augmentor.RemoveReversedEdges();
        }
    }

    private static string In(Node node) => node.Id.Value;

    private static string Out(Node node) => node.Kind == NodeKind.Port ? node.Id.Value + "\0out" : node.Id.Value;

    private static string Tpy(double t) => t.ToString("#,0", CultureInfo.InvariantCulture);
}
