using System.Collections.Immutable;
using System.Runtime.CompilerServices;

using Logistics.Network.Model;

namespace Logistics.Network.Validation;

/// <summary>
/// The usable links of one network (every option built except those forced out) as integer adjacency lists, built once
/// per network and shared by the checks: a search is then linear in the edges it walks, with no graph, vertex
/// dictionary or edge objects rebuilt per commodity or per search (issue 15: the reachability checks rebuilt a
/// string-keyed QuikGraph per commodity, which dominated loading a facility-location file of 50 commodities).
/// </summary>
internal sealed class LinkIndex
{
    private static readonly ConditionalWeakTable<NetworkSnapshot, LinkIndex> Cache = [];

    private readonly Dictionary<string, int> _ids;
    private readonly string[] _names;
    private readonly int[][] _forward; // per node: pairs (neighbour, link index), flattened
    private readonly int[][] _backward;
    private readonly List<int> _everyCommodity = []; // usable links open to every commodity
    private readonly Dictionary<CommodityId, List<int>> _onlySome = []; // usable links listing the commodity

    private LinkIndex(NetworkSnapshot network)
    {
        _names = [.. network.Nodes.Select(n => n.Id.Value)];
        _ids = new Dictionary<string, int>(_names.Length, StringComparer.Ordinal);
        for (var i = 0; i < _names.Length; i++) _ids.TryAdd(_names[i], i);
        Usable = [.. network.Links.Where(l => network.TryGetNode(l.From, out _) && network.TryGetNode(l.To, out _) && l.From != l.To
            && (l.BuiltBy is not { } option || !network.TryGetOption(option, out var o) || o.Decision != BuildDecision.ForcedOut))];
        var forward = new List<int>[_names.Length];
        var backward = new List<int>[_names.Length];
        for (var i = 0; i < _names.Length; i++) (forward[i], backward[i]) = ([], []);
        for (var k = 0; k < Usable.Length; k++)
        {
            var link = Usable[k];
            if (link.AllowedCommodities.IsDefaultOrEmpty)
                _everyCommodity.Add(k);
            var allowed = link.AllowedCommodities.IsDefault ? [] : link.AllowedCommodities;
            for (var j = 0; j < allowed.Length; j++)
            {
                // A link lists a commodity or two: a scan for repeats, not a hash set per link (thousands per file).
                if (allowed.IndexOf(allowed[j], 0, j) >= 0) continue;
                (_onlySome.TryGetValue(allowed[j], out var some) ? some : _onlySome[allowed[j]] = []).Add(k);
            }
            var (from, to) = (_ids[link.From.Value], _ids[link.To.Value]);
            forward[from].AddRange(to, k);
            backward[to].AddRange(from, k);
            if (link.Direction != LinkDirection.BothWays) continue;
            forward[to].AddRange(from, k);
            backward[from].AddRange(to, k);
        }

        _forward = [.. forward.Select(l => l.ToArray())];
        _backward = [.. backward.Select(l => l.ToArray())];
    }

    /// <summary>The links of the network, in file order, that exist with every option built (not forced out), join two known nodes and are not loops.</summary>
    public ImmutableArray<Link> Usable { get; }

    /// <summary>
    /// The usable links <paramref name="commodity"/> may use (<see cref="Link.Allows"/>), in file order, without testing
    /// every link per commodity: a file with a commodity per customer has as many commodities as links per customer.
    /// </summary>
    public IEnumerable<Link> UsableFor(CommodityId commodity)
    {
        var some = _onlySome.GetValueOrDefault(commodity) ?? [];
        var (a, b) = (0, 0);
        while (a < _everyCommodity.Count || b < some.Count)
        {
            var takeEvery = b >= some.Count || (a < _everyCommodity.Count && _everyCommodity[a] < some[b]);
            yield return Usable[takeEvery ? _everyCommodity[a++] : some[b++]];
        }
    }

    public static LinkIndex Of(NetworkSnapshot network) => Cache.GetValue(network, n => new LinkIndex(n));

    /// <summary>
    /// Every node reachable from <paramref name="roots"/> (the roots included) over the links <paramref name="allows"/>
    /// accepts (all when null); <paramref name="backwards"/> walks every link against its direction, which gives the
    /// nodes that can reach a root.
    /// </summary>
    public HashSet<string> Search(IEnumerable<string> roots, Func<Link, bool>? allows, bool backwards)
    {
        var adjacency = backwards ? _backward : _forward;
        var seen = new bool[_names.Length];
        var queue = new Queue<int>();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            if (!_ids.TryGetValue(root, out var r) || seen[r]) continue;
            seen[r] = true;
            queue.Enqueue(r);
        }

        while (queue.TryDequeue(out var node))
        {
            found.Add(_names[node]);
            var edges = adjacency[node];
            for (var e = 0; e < edges.Length; e += 2)
            {
                var next = edges[e];
                if (seen[next] || (allows is not null && !allows(Usable[edges[e + 1]]))) continue;
                seen[next] = true;
                queue.Enqueue(next);
            }
        }

        return found;
    }
}

file static class PairLists
{
    public static void AddRange(this List<int> list, int neighbour, int link)
    {
        list.Add(neighbour);
        list.Add(link);
    }
}
