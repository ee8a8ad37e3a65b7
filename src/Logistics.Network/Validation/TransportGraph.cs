using Logistics.Network.Model;

using QuikGraph;

namespace Logistics.Network.Validation;

/// <summary>
/// The network as a directed graph with every option built (except options forced out): one edge per direction
/// a link may be travelled. Reachability, connectivity and capacity checks share it.
/// </summary>
internal static class TransportGraph
{
    public static IEnumerable<Link> UsableLinks(NetworkSnapshot network) => LinkIndex.Of(network).Usable;

    /// <param name="allows">When given, only links it accepts become edges (for example the links one commodity may use).</param>
    /// <param name="reversed">Every edge turned round: what is reachable from X in it is what can reach X in the network.</param>
    public static AdjacencyGraph<string, Edge<string>> Directed(NetworkSnapshot network, Func<Link, bool>? allows = null, bool reversed = false)
    {
        var graph = new AdjacencyGraph<string, Edge<string>>();
        graph.AddVertexRange(network.Nodes.Select(n => n.Id.Value));
        foreach (var link in UsableLinks(network).Where(l => allows is null || allows(l)))
        {
            var (from, to) = reversed ? (link.To.Value, link.From.Value) : (link.From.Value, link.To.Value);
            graph.AddEdge(new Edge<string>(from, to));
            if (link.Direction == LinkDirection.BothWays) graph.AddEdge(new Edge<string>(to, from));
        }

        return graph;
    }

    /// <summary>
    /// Every node from which one of <paramref name="targets"/> can be reached (the targets included): one search
    /// backwards from the targets, so a check need not search forwards once per mine.
    /// </summary>
    public static HashSet<string> Reaching(NetworkSnapshot network, IEnumerable<string> targets, Func<Link, bool>? allows = null) =>
        LinkIndex.Of(network).Search(targets, allows, backwards: true);

    /// <summary>Every node reachable from <paramref name="roots"/> (the roots included) over the links <paramref name="allows"/> accepts.</summary>
    public static HashSet<string> ReachableFrom(NetworkSnapshot network, IEnumerable<string> roots, Func<Link, bool>? allows = null) =>
        LinkIndex.Of(network).Search(roots, allows, backwards: false);
}
