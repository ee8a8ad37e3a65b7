using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Optimisation.Model;

/// <summary>A node of the mode-layer graph: one place, one mode of transport that touches it.</summary>
internal sealed record SubNode(int Index, NodeId Node, TransportMode Mode)
{
    public string Key => $"{Node}:{ModeLayerGraph.ModeName(Mode)}";
}

/// <summary>Whether an arc travels a link or changes mode inside a node.</summary>
internal enum ArcKind
{
    Link,
    Transfer,
}

/// <summary>
/// A directed arc of the mode-layer graph. Per-tonne charges that do not depend on the commodity are stored here;
/// capital in transit depends on the commodity's value and is computed by <see cref="CostCoefficients"/>.
/// </summary>
internal sealed record Arc(
    int Index,
    ArcKind Kind,
    int From,
    int To,
    NodeId FromNode,
    NodeId ToNode,
    Link? Link,
    LinkTravel Travel,
    string Key,
    double TransportPerTonne,
    double RiskPerTonne,
    double HandlingPerTonne,
    double TranshipmentPerTonne,
    double TransitDays,
    NodeId? EntersPort);

/// <summary>
/// The network expanded into mode layers: each node becomes one sub-node per mode of the links that touch it, links
/// become arcs between sub-nodes of their mode (two arcs for a both-ways link), and transfer arcs between the
/// sub-nodes of one node carry the cost of changing mode there. That makes transhipment exact: it is paid on a
/// transfer arc, so only by cargo that really changes mode.
/// </summary>
internal sealed class ModeLayerGraph
{
    private readonly Dictionary<(NodeId Node, TransportMode Mode), SubNode> _subNodeByKey;

    private ModeLayerGraph(ImmutableArray<SubNode> subNodes, Dictionary<NodeId, ImmutableArray<SubNode>> subNodesByNode, ImmutableArray<Arc> arcs)
    {
        SubNodes = subNodes;
        Arcs = arcs;
        _subNodeByKey = subNodes.ToDictionary(s => (s.Node, s.Mode));
        var outgoing = subNodes.Select(_ => new List<Arc>()).ToArray();
        var incoming = subNodes.Select(_ => new List<Arc>()).ToArray();
        foreach (var arc in arcs)
        {
            outgoing[arc.From].Add(arc);
            incoming[arc.To].Add(arc);
        }

        Outgoing = [.. outgoing.Select(l => l.ToImmutableArray())];
        Incoming = [.. incoming.Select(l => l.ToImmutableArray())];

        // Looked up once per link by the capacity rows and the reports: a scan of every arc per link is quadratic.
        _arcsByLink = arcs.Where(a => a.Link is not null).GroupBy(a => a.Link!.Id).ToDictionary(g => g.Key, g => g.ToImmutableArray());
        _subNodesByNode = subNodesByNode;
    }

    private readonly Dictionary<NodeId, ImmutableArray<SubNode>> _subNodesByNode;

    /// <summary>Each node's sub-nodes in index order (mode order): asked per mine, market and node, so a scan of every sub-node each time is quadratic.</summary>
    private static Dictionary<NodeId, ImmutableArray<SubNode>> SubNodesByNode(ImmutableArray<SubNode> subNodes) =>
        subNodes.GroupBy(s => s.Node).ToDictionary(g => g.Key, g => g.ToImmutableArray());

    private readonly Dictionary<LinkId, ImmutableArray<Arc>> _arcsByLink;

    /// <summary>The arcs of one link (forward, then reverse for a both-ways link); empty for a link with no arcs.</summary>
    public ImmutableArray<Arc> ArcsOf(LinkId link) => _arcsByLink.TryGetValue(link, out var arcs) ? arcs : [];

    public ImmutableArray<SubNode> SubNodes { get; }

    public ImmutableArray<Arc> Arcs { get; }

    /// <summary>Arcs leaving each sub-node, in arc order (ordinal by key within a sub-node's creation order).</summary>
    public ImmutableArray<ImmutableArray<Arc>> Outgoing { get; }

    public ImmutableArray<ImmutableArray<Arc>> Incoming { get; }

    public IEnumerable<SubNode> SubNodesOf(NodeId node) => _subNodesByNode.TryGetValue(node, out var subs) ? subs : [];

    public bool TryGetSubNode(NodeId node, TransportMode mode, out SubNode subNode) => _subNodeByKey.TryGetValue((node, mode), out subNode!);

    public static string ModeName(TransportMode mode) => mode switch
    {
        TransportMode.Road => "road",
        TransportMode.Rail => "rail",
        TransportMode.Sea => "sea",
        TransportMode.Pipeline => "pipeline",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown mode."),
    };

    public static string TravelName(LinkTravel travel) => travel == LinkTravel.Forward ? "fwd" : "rev";

    public static ModeLayerGraph Build(NetworkSnapshot network)
    {
        // Sub-nodes: every (node, mode) pair some link touches, sorted by node id then mode, so indices are stable.
        var pairs = new SortedSet<(NodeId Node, TransportMode Mode)>(Comparer<(NodeId Node, TransportMode Mode)>.Create(
            (a, b) => a.Node.CompareTo(b.Node) != 0 ? a.Node.CompareTo(b.Node) : a.Mode.CompareTo(b.Mode)));
        foreach (var link in network.Links)
        {
            if (!network.TryGetNode(link.From, out _) || !network.TryGetNode(link.To, out _))
                continue;
            pairs.Add((link.From, link.Mode));
            pairs.Add((link.To, link.Mode));
        }

        var subNodes = pairs.Select((p, i) => new SubNode(i, p.Node, p.Mode)).ToImmutableArray();
        var index = subNodes.ToDictionary(s => (s.Node, s.Mode), s => s.Index);
        var arcs = new List<Arc>();

        foreach (var link in network.Links)
        {
            if (!index.ContainsKey((link.From, link.Mode)) || !index.ContainsKey((link.To, link.Mode)))
                continue;
            AddLinkArc(network, arcs, index, link, LinkTravel.Forward);
            if (link.Direction == LinkDirection.BothWays)
                AddLinkArc(network, arcs, index, link, LinkTravel.Reverse);
        }

        var byNode = SubNodesByNode(subNodes);
        foreach (var node in network.Nodes)
        {
            if (!byNode.TryGetValue(node.Id, out var modes))
                continue;
            foreach (var from in modes)
            {
                foreach (var to in modes)
                {
                    if (from.Mode == to.Mode)
                        continue;

                    // At a port, land↔sea is what the port is for: its handling charge (paid on entry) covers it.
                    var coveredByHandling = node.Kind == NodeKind.Port && (from.Mode == TransportMode.Sea || to.Mode == TransportMode.Sea);
                    var transhipment = coveredByHandling ? 0 : node.TranshipmentUsdPerTonne;
                    arcs.Add(new Arc(arcs.Count, ArcKind.Transfer, from.Index, to.Index, node.Id, node.Id, null, LinkTravel.Forward,
                        $"{node.Id}:{ModeName(from.Mode)}>{ModeName(to.Mode)}", 0, 0, 0, transhipment, 0, null));
                }
            }
        }

        return new ModeLayerGraph(subNodes, byNode, [.. arcs]);
    }

    private static void AddLinkArc(NetworkSnapshot network, List<Arc> arcs, Dictionary<(NodeId, TransportMode), int> index, Link link, LinkTravel travel)
    {
        var (from, to) = travel == LinkTravel.Forward ? (link.From, link.To) : (link.To, link.From);
        var target = network.Node(to);
        var port = target.Kind == NodeKind.Port && target.Port is not null ? target.Id : (NodeId?)null;
        var handling = port is null ? 0 : target.Port!.HandlingUsdPerTonne;
        arcs.Add(new Arc(arcs.Count, ArcKind.Link, index[(from, link.Mode)], index[(to, link.Mode)], from, to, link, travel,
            $"{link.Id}:{TravelName(travel)}", link.TransportUsdPerTonne, link.RiskUsdPerTonne, handling, 0, link.TransitDays, port));
    }
}
