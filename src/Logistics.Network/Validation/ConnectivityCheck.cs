using Logistics.Network.Diagnostics;

using QuikGraph;
using QuikGraph.Algorithms;

namespace Logistics.Network.Validation;

/// <summary>A network that falls into parts usually has a stray node or a mistyped link end.</summary>
public static class ConnectivityCheck
{
    public static IEnumerable<Diagnostic> Run(ValidationContext c)
    {
        if (c.Network.Nodes.Length < 2) yield break;
        var graph = TransportGraph.Directed(c.Network);
        var components = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = graph.WeaklyConnectedComponents(components);
        if (count <= 1) yield break;
        var parts = components.GroupBy(kv => kv.Value)
            .Select(g => g.Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList())
            .OrderByDescending(g => g.Count).ThenBy(g => g[0], StringComparer.Ordinal).ToList();
        foreach (var part in parts.Skip(1))
        {
            var names = part.Count <= 6 ? string.Join(", ", part) : $"{string.Join(", ", part.Take(6))} and {part.Count - 6} more";
            yield return c.At(DiagnosticCodes.Disconnected, $"nodes[{part[0]}]",
                $"The network has {count} disconnected parts; this one ({names}) is not linked to the largest part.");
        }
    }
}
