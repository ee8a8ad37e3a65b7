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

        foreach (var mine in mines)
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
            foreach (var link in TransportGraph.UsableLinks(network))
            {
                var capacity = link.CapacityTpy is { } cap ? cap + linkAdds.GetValueOrDefault(link.Id) : Unlimited;
                var from = network.Node(link.From);
                var to = network.Node(link.To);
                graph.AddEdge(new TaggedEdge<string, double>(Out(from), In(to), capacity));
                if (link.Direction == LinkDirection.BothWays) graph.AddEdge(new TaggedEdge<string, double>(Out(to), In(from), capacity));
            }

            var markets = network.NodesOfKind(NodeKind.Market).ToList();
            foreach (var sinkNode in markets.Count > 0 ? markets : network.NodesOfKind(NodeKind.Port).ToList())
                graph.AddEdge(new TaggedEdge<string, double>(Out(sinkNode), Sink, Unlimited));

            var supply = mine.Supplies.Sum(s => s.TonnesPerYear);
            if (Out(mine) == Sink) continue;
            var flow = MaxFlow(graph, Out(mine));
            if (flow > 0 && supply > (flow * (1 + 1e-9)) + 1e-6) // no flow at all is a reachability error, reported there
            {
                yield return c.At(DiagnosticCodes.SupplyExceedsCapacity, $"nodes[{mine.Id}].supply",
                    $"Mine '{mine.Id}' supplies {Tpy(supply)} t/y but at most {Tpy(Math.Min(flow, Unlimited))} t/y can leave it towards the {(markets.Count > 0 ? "markets" : "ports")}, even with every option built (maximum flow over link and port capacities).");
            }
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
