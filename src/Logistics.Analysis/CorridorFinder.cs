using System.Collections.Immutable;

using Logistics.Network.Model;

namespace Logistics.Analysis;

/// <summary>
/// Finds corridors (docs/analyses.md, "Corridors"): maximal chains of same-mode links whose inner nodes are junctions of degree 2
/// (exactly two links touch them, counting every link of the network, built or not; mines, ports and markets always end a chain), and the named groups of links
/// that one option builds or expands. Only groups of two or more links are corridors; one link is already an N-1 case.
/// </summary>
public static class CorridorFinder
{
    public static ImmutableArray<Corridor> Find(NetworkSnapshot network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var incident = network.Nodes.ToDictionary(n => n.Id, _ => new List<Link>());
        foreach (var link in network.Links)
        {
            incident[link.From].Add(link);
            incident[link.To].Add(link);
        }

        bool IsInner(NodeId node) => network.Node(node).Kind == NodeKind.Junction && incident[node].Count == 2 && incident[node][0].Mode == incident[node][1].Mode;

        var corridors = new List<Corridor>();
        var visited = new HashSet<LinkId>();
        foreach (var start in network.Links)
        {
            if (visited.Contains(start.Id)) continue;

            // Walk both ways from the link through inner nodes, then read the chain end to end.
            var backward = Walk(start, start.From, incident, IsInner, visited);
            var forward = Walk(start, start.To, incident, IsInner, visited);
            visited.Add(start.Id);
            var chain = backward.Links.AsEnumerable().Reverse().Append(start).Concat(forward.Links).ToList();
            if (chain.Count < 2) continue;
            var ends = new[] { backward.End, forward.End }.Order().ToArray();
            var mode = start.Mode.ToString().ToLowerInvariant();
            var names = ends.Select(e => network.Node(e).Name);
            corridors.Add(new Corridor($"{ends[0]}~{ends[1]}:{mode}", $"{string.Join(" – ", names)} ({mode}, {chain.Count} links)",
                CorridorSource.Chain, start.Mode, [.. chain.Select(l => l.Id)]));
        }

        foreach (var option in network.Options)
        {
            var links = network.Links.Where(l => l.BuiltBy == option.Id).Select(l => l.Id)
                .Concat(option.CapacityAdds.IsDefault ? [] : option.CapacityAdds.Where(a => a.Link is not null).Select(a => a.Link!.Value))
                .Where(network.TryGetLinkId)
                .Distinct().Order().ToImmutableArray();
            if (links.Length < 2 || corridors.Any(c => c.Links.Order().SequenceEqual(links))) continue;
            corridors.Add(new Corridor($"option:{option.Id}", $"links of {option.Name}", CorridorSource.Option, null, links));
        }

        return [.. corridors.OrderBy(c => c.Source).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    private static bool TryGetLinkId(this NetworkSnapshot network, LinkId id) => network.TryGetLink(id, out _);

    private static (List<Link> Links, NodeId End) Walk(Link from, NodeId node, Dictionary<NodeId, List<Link>> incident, Func<NodeId, bool> isInner, HashSet<LinkId> visited)
    {
        var links = new List<Link>();
        var current = from;
        while (isInner(node))
        {
            var next = incident[node].First(l => l.Id != current.Id);
            if (next.Id == from.Id || visited.Contains(next.Id) || links.Any(l => l.Id == next.Id)) break; // a ring of degree-2 nodes
            links.Add(next);
            visited.Add(next.Id);
            node = next.From == node ? next.To : next.From;
            current = next;
        }

        return (links, node);
    }
}
